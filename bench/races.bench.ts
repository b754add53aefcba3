// `npm run bench -- races [--n 30] [--rounds 1] [--db pglite|postgres|both] [--pg postgres://…]`
// Fires N identical requests at once for every "only one may win" rule (bench/races/claims.ts)
// and checks the winners, the statuses (0×5xx) and what the database holds afterwards.
// Exits 1 when any claim fails, so CI stops on a race the database does not settle.
import { startTarget } from "./fuzz/target.ts";
import { machineInfo, writeResults } from "./lib/results.ts";
import { CLAIMS } from "./races/claims.ts";

interface Row {
  database: string;
  claim: string;
  guard: string;
  rule: string;
  requests: number;
  statuses: Record<string, number>;
  fiveXx: number;
  state: string;
  ok: boolean;
  ms: number;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function tally(statuses: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

export async function run(args: string[]): Promise<void> {
  const n = Number(arg(args, "--n") ?? 30);
  const rounds = Number(arg(args, "--rounds") ?? 1);
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const dbArg = arg(args, "--db") ?? (pgUrl ? "both" : "pglite");
  const kinds: ("pglite" | "postgres")[] =
    dbArg === "both" ? ["pglite", "postgres"] : dbArg === "postgres" ? ["postgres"] : ["pglite"];
  if (kinds.includes("postgres") && !pgUrl) throw new Error("--db postgres needs --pg or TEST_DATABASE_URL");
  const rows: Row[] = [];
  for (const kind of kinds) {
    const t = await startTarget(kind, pgUrl);
    try {
      for (let round = 0; round < rounds; round++)
        for (const claim of CLAIMS) {
          const shots = await claim.prepare(t, n);
          const started = performance.now();
          // All requests leave before any answer is awaited: the database, not the client, orders them.
          const statuses = await Promise.all(
            shots.map(async (s) => {
              const headers: Record<string, string> = {
                cookie: s.session.cookie,
                "x-csrf-token": s.session.csrf,
              };
              if (s.body !== undefined) headers["content-type"] = "application/json";
              const res = await fetch(t.base + s.path, {
                method: s.method,
                headers,
                body: s.body === undefined ? undefined : JSON.stringify(s.body),
              });
              await res.arrayBuffer();
              return res.status;
            }),
          );
          const ms = Math.round(performance.now() - started);
          const verdict = await claim.judge(t, statuses);
          const fiveXx = statuses.filter((s) => s >= 500).length;
          const row: Row = {
            database: t.label,
            claim: claim.name,
            guard: claim.guard,
            rule: verdict.rule,
            requests: statuses.length,
            statuses: tally(statuses),
            fiveXx,
            state: verdict.state,
            ok: verdict.ok && fiveXx === 0,
            ms,
          };
          rows.push(row);
          console.log(
            `${row.ok ? "ok  " : "FAIL"} ${t.label.padEnd(20)} ${claim.name.padEnd(62)} ${Object.entries(
              row.statuses,
            )
              .map(([k, v]) => `${v}×${k}`)
              .join(" ")}; ${row.state}; ${ms} ms`,
          );
          await t.restore(true);
        }
    } finally {
      await t.close();
    }
  }
  const failed = rows.filter((r) => !r.ok);
  const machine = await machineInfo();
  writeResults(
    "races",
    { machine, n, rounds, rows },
    [
      "# Races settled by the database (`npm run bench -- races`)",
      "",
      `Each claim fires ${n} identical requests at once over HTTP (keep-alive, the real app on port 0, cookie sessions of the named staff), ${rounds} round(s), then checks the statuses and what the database holds. ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}.`,
      "PGlite has one connection, so its requests queue and cannot race; PostgreSQL (connection pool of 10) is where a missing guard shows.",
      "",
      "| database | claim | guarded by | must hold | statuses | 5xx | database after | verdict |",
      "|---|---|---|---|---|---:|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.database} | ${r.claim} | ${r.guard} | ${r.rule} | ${Object.entries(r.statuses)
            .map(([k, v]) => `${v}×${k}`)
            .join(" ")} | ${r.fiveXx} | ${r.state} | ${r.ok ? "held" : "**broken**"} |`,
      ),
      "",
    ].join("\n"),
  );
  console.log(
    `${rows.length - failed.length} held, ${failed.length} failed${pgUrl ? "" : " (PostgreSQL not run)"}`,
  );
  if (failed.length > 0) process.exitCode = 1;
}
