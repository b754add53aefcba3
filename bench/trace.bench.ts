// `npm run bench -- trace [--events 1000000] [--verify-events 1000000] [--db pglite|postgres|both] [--pg postgres://…]`
// 1. Recall over a ledger of ~1,000,000 lot events (material lot → 4 production lots → 40 devices
//    each → a shipment per production lot → a hospital), on PGlite and PostgreSQL: forward from
//    random ferrite lots to every device and hospital, backward from random devices to every
//    component lot, through TraceService.recall (the recursive CTE plus names). Goal: < 1 s.
//    The rows are generated inside the database (generate_series): the recall reads only the
//    lot graph, so their hashes are placeholders; the signed chain is measured in part 2.
// 2. Verification throughput: a genuine 1,000,000-event chain (Ed25519, one key rotation) is
//    signed, written as an export file, then read, parsed and verified as `clusterbrain verify` does.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildChain,
  type EventDraft,
  parseChainExport,
  signCheckpoint,
  verifyChain,
} from "@clusterbrain/engine/trace";
import { sql } from "drizzle-orm";
import type { Actor } from "../apps/server/src/auth/actor.ts";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { migrate } from "../apps/server/src/db/migrate.ts";
import { TraceService } from "../apps/server/src/modules/trace/trace.service.ts";
import { IDS, seedCluster } from "../apps/server/src/test/fixtures.ts";
import { keysForTest } from "../packages/engine/src/trace/ledger.fixture.ts";
import { benchSchema } from "./lib/bench-schema.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const GOAL_MS = 1000;
const PER_GROUP = 169; // 1 material lot + 4 production lots + 160 devices + 4 shipments
const CHUNK = 250;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Loads groups [from, to] of the synthetic lot graph (see the header) in one statement per table. */
async function loadGroups(db: Awaited<ReturnType<typeof openDatabase>>["db"], from: number, to: number) {
  const a = IDS.a;
  const b = IDS.b;
  await db.execute(sql`
    INSERT INTO trace_events (org_id, seq, type, at, key_id, payload, prev_hash, hash, signature)
    SELECT ${a}, g, 'material-lot', '2025-01-01T00:00:00.000Z', 'k1', jsonb_build_object('lot', 'M' || g),
      repeat('0', 64), md5(g::text) || md5(g::text), 'bench'
    FROM generate_series(${from}::int, ${to}::int) g`);
  await db.execute(sql`
    INSERT INTO trace_events (org_id, seq, type, at, key_id, payload, prev_hash, hash, signature)
    SELECT ${b}, s, CASE WHEN (s - 1) % 168 < 4 THEN 'production-lot' WHEN (s - 1) % 168 < 164 THEN 'device' ELSE 'shipment' END,
      '2025-01-01T00:00:00.000Z', 'k1', jsonb_build_object('n', s), repeat('0', 64), md5(s::text) || md5(s::text), 'bench'
    FROM generate_series(${(from - 1) * 168 + 1}::int, ${to * 168}::int) s`);
  await db.execute(sql`
    INSERT INTO trace_links (org_id, seq, from_node, to_node)
    SELECT ${a}, g, 'lot|org-a|M' || g, 'lot|org-a|M' || g FROM generate_series(${from}::int, ${to}::int) g
    UNION ALL
    SELECT ${b}, (g - 1) * 168 + j, src, 'lot|org-b|P' || g || '-' || j
    FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 4) j,
      LATERAL (VALUES ('lot|org-b|P' || g || '-' || j), ('lot|org-a|M' || g), ('lot|org-a|M' || greatest(g - 1, 1))) v(src)
    UNION ALL
    SELECT ${b}, (g - 1) * 168 + 4 + (j - 1) * 40 + k, 'lot|org-b|P' || g || '-' || j,
      'udi|(01)09506000134352(21)' || g || '-' || j || '-' || k
    FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 4) j, generate_series(1, 40) k
    UNION ALL
    SELECT ${b}, (g - 1) * 168 + 164 + j, 'udi|(01)09506000134352(21)' || g || '-' || j || '-' || k, 'ship|org-b|S' || g || '-' || j
    FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 4) j, generate_series(1, 40) k
    UNION ALL
    SELECT ${b}, (g - 1) * 168 + 164 + j, 'ship|org-b|S' || g || '-' || j, 'org|hosp-' || ((g * 4 + j) % 50)
    FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 4) j`);
}

const operator: Actor = {
  userId: "bench",
  email: "bench@operator.test",
  displayName: "bench",
  orgId: IDS.operator,
  orgKind: "operator",
  role: "owner",
  via: "session",
  credentialId: "bench",
};

interface RecallRow {
  database: string;
  events: number;
  links: number;
  loadSeconds: number;
  direction: string;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  devicesPerRecall: number;
  hospitalsPerRecall: number;
  lotsPerRecall: number;
  ok: boolean;
}

async function recallBench(
  kind: "pglite" | "postgres",
  pgUrl: string | undefined,
  events: number,
): Promise<RecallRow[]> {
  const schema = kind === "postgres" && pgUrl ? await benchSchema(pgUrl, "trace_bench") : undefined;
  const handle = await openDatabase({ url: schema ? schema.url : "memory://" });
  try {
    await migrate(handle);
    await seedCluster(handle.db);
    const groups = Math.ceil(events / PER_GROUP);
    const started = performance.now();
    for (let g = 1; g <= groups; g += CHUNK) {
      await loadGroups(handle.db, g, Math.min(groups, g + CHUNK - 1));
      process.stdout.write(`\r${kind}: loaded ${Math.min(groups, g + CHUNK - 1)}/${groups} groups`);
    }
    await handle.db.execute(sql`ANALYZE trace_links`);
    await handle.db.execute(sql`ANALYZE trace_events`);
    const loadSeconds = r1((performance.now() - started) / 1000);
    const count = async (table: string) =>
      Number(
        (
          (await handle.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0].n,
      );
    const [nEvents, nLinks] = [await count("trace_events"), await count("trace_links")];
    console.log(`\n${kind}: ${nEvents} events, ${nLinks} links in ${loadSeconds} s`);
    const service = new TraceService(handle.db, () => new Date(), "bench-secret");
    const rows: RecallRow[] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % n);
    };
    for (const direction of ["forward", "backward"] as const) {
      const ms: number[] = [];
      let devices = 0;
      let hospitals = 0;
      let lots = 0;
      const queries = 30;
      for (let i = -1; i < queries; i++) {
        const g = rand(groups);
        const q =
          direction === "forward"
            ? { lot: `M${g}`, orgId: IDS.a, direction }
            : { udi: `(01)09506000134352(21)${g}-${rand(4)}-${rand(40)}`, direction };
        const t0 = performance.now();
        const r = await service.recall(operator, q);
        const t = performance.now() - t0;
        if (i < 0) continue; // warm-up
        ms.push(t);
        devices += r.devices.length;
        hospitals += r.hospitals.length;
        lots += r.lots.length;
      }
      const row: RecallRow = {
        database: kind,
        events: nEvents,
        links: nLinks,
        loadSeconds,
        direction,
        queries,
        p50Ms: r1(pct(ms, 50)),
        p95Ms: r1(pct(ms, 95)),
        maxMs: r1(Math.max(...ms)),
        devicesPerRecall: r1(devices / queries),
        hospitalsPerRecall: r1(hospitals / queries),
        lotsPerRecall: r1(lots / queries),
        ok: Math.max(...ms) < GOAL_MS,
      };
      console.log(row);
      rows.push(row);
    }
    return rows;
  } finally {
    await handle.close();
    await schema?.cleanup();
  }
}

interface VerifyRow {
  events: number;
  signSeconds: number;
  fileMB: number;
  readParseSeconds: number;
  verifySeconds: number;
  verifyEventsPerSecond: number;
  endToEndEventsPerSecond: number;
  ok: boolean;
}

async function verifyBench(n: number): Promise<VerifyRow> {
  const keys = keysForTest(
    "org-b",
    new Date(Date.parse("2025-01-01T00:00:00.000Z") + (n / 2) * 1000).toISOString(),
  );
  const start = Date.parse("2025-01-01T00:00:00.000Z");
  const drafts: EventDraft[] = Array.from({ length: n }, (_, i) => ({
    type: i % 169 === 0 ? "production-lot" : "device",
    at: new Date(start + i * 1000).toISOString(),
    payload: { lot: `P${Math.floor(i / 169)}`, serial: `S${i}` },
  }));
  let t0 = performance.now();
  const events = buildChain(drafts, keys.signerAt);
  const signSeconds = (performance.now() - t0) / 1000;
  const last = events[events.length - 1];
  const head = signCheckpoint(last, last.at, keys.signerAt(last));
  const dir = mkdtempSync(join(tmpdir(), "trace-bench-"));
  const file = join(dir, "chain.json");
  // Streamed: one event per line, never the whole file as one string in memory.
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on("error", reject);
    out.write(
      `{"format":"clusterbrain-trace-chain","version":1,"orgId":"org-b","publicKeys":${JSON.stringify(keys.publicKeys)},"head":${JSON.stringify(head)},"events":[\n`,
    );
    for (let i = 0; i < events.length; i++)
      out.write(`${JSON.stringify(events[i])}${i < events.length - 1 ? ",\n" : "\n"}`);
    out.end("]}\n", () => resolve());
  });
  drafts.length = 0;
  events.length = 0;
  const fileMB = r1(statSync(file).size / 2 ** 20);
  t0 = performance.now();
  const parsed = parseChainExport(JSON.parse(readFileSync(file, "utf8")));
  const readParseSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const report = verifyChain(parsed);
  const verifySeconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return {
    events: n,
    signSeconds: r1(signSeconds),
    fileMB,
    readParseSeconds: r1(readParseSeconds),
    verifySeconds: r1(verifySeconds),
    verifyEventsPerSecond: Math.round(n / verifySeconds),
    endToEndEventsPerSecond: Math.round(n / (verifySeconds + readParseSeconds)),
    ok: report.ok,
  };
}

export async function run(args: string[]): Promise<void> {
  const events = Number(arg(args, "--events") ?? 1_000_000);
  const verifyEvents = Number(arg(args, "--verify-events") ?? 1_000_000);
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const dbArg = arg(args, "--db") ?? (pgUrl ? "both" : "pglite");
  const kinds: ("pglite" | "postgres")[] =
    dbArg === "both" ? ["pglite", "postgres"] : dbArg === "postgres" ? ["postgres"] : ["pglite"];
  const recall: RecallRow[] = [];
  for (const kind of kinds) recall.push(...(await recallBench(kind, pgUrl, events)));
  const verify = await verifyBench(verifyEvents);
  console.log(verify);
  const machine = await machineInfo();
  const md = [
    "# trace — recall over a 1,000,000-event ledger, verification throughput",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}. Goal: every recall < ${GOAL_MS} ms.`,
    "",
    "Recall (TraceService.recall: recursive CTE over trace_links + org names), 30 random starts per row after one warm-up.",
    "Ledger: per ferrite lot 4 production lots (each also using the previous ferrite lot), 40 devices each, one shipment per production lot to one of 50 hospitals.",
    "",
    "| database | events | links | load s | direction | p50 ms | p95 ms | max ms | devices | hospitals | lots | < 1 s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...recall.map(
      (r) =>
        `| ${r.database} | ${r.events.toLocaleString("en")} | ${r.links.toLocaleString("en")} | ${r.loadSeconds} | ${r.direction} | ${r.p50Ms} | ${r.p95Ms} | ${r.maxMs} | ${r.devicesPerRecall} | ${r.hospitalsPerRecall} | ${r.lotsPerRecall} | ${r.ok ? "yes" : "NO"} |`,
    ),
    "",
    "Verification of an export (genuine Ed25519 chain, one key rotation half way, signed head), as `clusterbrain verify` does it:",
    "",
    "| events | sign s | file MB | read + parse s | verify s | verify events/s | end-to-end events/s | intact |",
    "|---|---|---|---|---|---|---|---|",
    `| ${verify.events.toLocaleString("en")} | ${verify.signSeconds} | ${verify.fileMB} | ${verify.readParseSeconds} | ${verify.verifySeconds} | ${verify.verifyEventsPerSecond.toLocaleString("en")} | ${verify.endToEndEventsPerSecond.toLocaleString("en")} | ${verify.ok ? "yes" : "NO"} |`,
    "",
    kinds.includes("postgres")
      ? ""
      : "PostgreSQL not measured: pass --pg postgres://… or set TEST_DATABASE_URL.",
  ].join("\n");
  writeResults("trace", { machine, goalMs: GOAL_MS, recall, verify }, md);
}
