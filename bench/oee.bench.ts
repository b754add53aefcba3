// `npm run bench -- oee [--machines 10,50] [--days 7,30] [--db pglite|postgres|both] [--pg postgres://…]`
// OEE over N machines × D days from the store, PGlite and PostgreSQL side by side: a week or a
// month of state intervals (about 2 per machine-hour: running, then a stop with a reason) and
// 15-minute count buckets per machine, lines of 10 machines. Measured through OeeService as the
// routes call it: the report of one line per shift and per day (engine + Pareto + stops), the
// line overview of every line (current-shift OEE), and the store's ingest of state/count points
// (telemetry writer → OEE store, points per second).
import { SeededRandom } from "@clusterbrain/engine/shared";
import type { Actor } from "../apps/server/src/auth/actor.ts";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { migrate } from "../apps/server/src/db/migrate.ts";
import {
  oeeCounts,
  oeeMachineSettings,
  oeeStateEvents,
  telDevices,
  telLines,
  telMachines,
  telSites,
  telTags,
} from "../apps/server/src/db/schema/index.ts";
import { LiveHub } from "../apps/server/src/modules/live/live.hub.ts";
import { OeeIngest } from "../apps/server/src/modules/oee/oee.ingest.ts";
import { OeeService } from "../apps/server/src/modules/oee/oee.service.ts";
import { TelemetryStorage } from "../apps/server/src/modules/telemetry/telemetry.storage.ts";
import { IDS, seedCluster } from "../apps/server/src/test/fixtures.ts";
import { benchSchema } from "./lib/bench-schema.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const MIN = 60_000;
const PER_LINE = 10;
const STATES = ["down", "setup", "idle"] as const;
const REASONS = {
  down: ["jam", "maintenance", "power_dip"],
  setup: ["changeover"],
  idle: ["waiting_material"],
};
const NOW = Date.parse("2026-12-07T04:00:00.000Z");

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

const actor: Actor = {
  userId: "bench",
  email: "bench@a.test",
  displayName: "bench",
  orgId: IDS.a,
  orgKind: "enterprise",
  role: "owner",
  via: "session",
  credentialId: "bench",
};

type Db = Awaited<ReturnType<typeof openDatabase>>["db"];

async function insertChunked<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Lines of 10 machines with D days of intervals and 15-minute counts, ending at NOW. */
async function load(db: Db, machines: number, days: number) {
  const orgId = IDS.a;
  const lines = Math.ceil(machines / PER_LINE);
  await db.insert(telSites).values({ orgId, id: "bs", name: "bench site" });
  await db
    .insert(telLines)
    .values(
      Array.from({ length: lines }, (_, l) => ({ orgId, id: `bl-${l}`, siteId: "bs", name: `line ${l}` })),
    );
  const ids = Array.from({ length: machines }, (_, m) => `bm-${m}`);
  await db.insert(telMachines).values(
    ids.map((id, m) => ({
      orgId,
      id,
      lineId: `bl-${Math.floor(m / PER_LINE)}`,
      name: id,
      processType: "coil_winding" as const,
    })),
  );
  await db.insert(oeeMachineSettings).values(ids.map((machineId) => ({ orgId, machineId, idealCycleS: 1 })));
  const events: (typeof oeeStateEvents.$inferInsert)[] = [];
  const counts: (typeof oeeCounts.$inferInsert)[] = [];
  const start = NOW - days * 1440 * MIN;
  ids.forEach((machineId, m) => {
    const rng = new SeededRandom(1000 + m);
    let t = start;
    while (t < NOW) {
      const run = Math.max(1, Math.round(-Math.log(1 - rng.next()) * 40)) * MIN;
      const state = rng.pick(STATES);
      const stop = Math.max(1, Math.round(-Math.log(1 - rng.next()) * 8)) * MIN;
      const runEnd = Math.min(NOW, t + run);
      events.push({
        orgId,
        id: `e${events.length}`,
        machineId,
        state: "running",
        startedAt: new Date(t),
        endedAt: new Date(runEnd),
        source: "tag",
      });
      if (runEnd >= NOW) break;
      const stopEnd = Math.min(NOW, runEnd + stop);
      events.push({
        orgId,
        id: `e${events.length}`,
        machineId,
        state,
        reason: rng.pick(REASONS[state]),
        startedAt: new Date(runEnd),
        endedAt: new Date(stopEnd),
        source: "tag",
      });
      t = stopEnd;
    }
    for (let b = start; b < NOW; b += 15 * MIN) {
      const total = rng.int(600, 800);
      counts.push({ orgId, machineId, bucket: new Date(b), total, good: total - rng.int(0, 15) });
    }
  });
  await insertChunked(events, (s) => db.insert(oeeStateEvents).values(s));
  await insertChunked(counts, (s) => db.insert(oeeCounts).values(s));
  return { events: events.length, counts: counts.length };
}

async function timed(n: number, f: () => Promise<unknown>): Promise<number[]> {
  await f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return ms;
}

interface Row {
  database: string;
  machines: number;
  days: number;
  events: number;
  countBuckets: number;
  loadSeconds: number;
  lineByShiftP50Ms: number;
  lineByShiftP95Ms: number;
  lineByDayP50Ms: number;
  overviewP50Ms: number;
  overviewP95Ms: number;
  lineOee: number | null;
}

async function measure(
  kind: "pglite" | "postgres",
  pgUrl: string | undefined,
  machines: number,
  days: number,
) {
  const schema = kind === "postgres" && pgUrl ? await benchSchema(pgUrl, "oee_bench") : undefined;
  const handle = await openDatabase({ url: schema ? schema.url : "memory://" });
  try {
    await migrate(handle);
    await seedCluster(handle.db);
    const t0 = performance.now();
    const loaded = await load(handle.db, machines, days);
    const loadSeconds = r1((performance.now() - t0) / 1000);
    const service = new OeeService(
      handle.db,
      new OeeIngest(handle.db, () => new Date(NOW)),
      () => new Date(NOW),
    );
    const from = new Date(NOW - days * 1440 * MIN).toISOString();
    const to = new Date(NOW).toISOString();
    const q = { lineId: "bl-0", from, to };
    let lineOee: number | null = null;
    const byShift = await timed(5, async () => {
      lineOee = (await service.report(actor, { ...q, by: "shift" })).total.oee;
    });
    const byDay = await timed(5, () => service.report(actor, { ...q, by: "day" }));
    const overview = await timed(10, () => service.lines(actor));
    const row: Row = {
      database: kind,
      machines,
      days,
      events: loaded.events,
      countBuckets: loaded.counts,
      loadSeconds,
      lineByShiftP50Ms: r1(pct(byShift, 50)),
      lineByShiftP95Ms: r1(pct(byShift, 95)),
      lineByDayP50Ms: r1(pct(byDay, 50)),
      overviewP50Ms: r1(pct(overview, 50)),
      overviewP95Ms: r1(pct(overview, 95)),
      lineOee: lineOee === null ? null : Math.round((lineOee as number) * 1000) / 1000,
    };
    console.log(row);
    return row;
  } finally {
    await handle.close();
    await schema?.cleanup();
  }
}

/** Points per second through the telemetry writer into the OEE store (state + reason + 2 counters per machine-second). */
async function ingestRate(
  kind: "pglite" | "postgres",
  pgUrl: string | undefined,
  machines: number,
  seconds: number,
) {
  const schema = kind === "postgres" && pgUrl ? await benchSchema(pgUrl, "oee_ingest") : undefined;
  const handle = await openDatabase({ url: schema ? schema.url : "memory://" });
  try {
    await migrate(handle);
    await seedCluster(handle.db);
    const orgId = IDS.a;
    await load(handle.db, machines, 0);
    const keys = ["state", "state_reason", "good_count", "reject_count"] as const;
    await handle.db.insert(telDevices).values(
      Array.from({ length: machines }, (_, m) => ({
        orgId,
        id: `bd-${m}`,
        machineId: `bm-${m}`,
        name: `d${m}`,
      })),
    );
    await handle.db.insert(telTags).values(
      Array.from({ length: machines }, (_, m) =>
        keys.map((key) => ({
          orgId,
          id: `bd-${m}-${key}`,
          deviceId: `bd-${m}`,
          key,
          dataType: key.startsWith("state") ? ("string" as const) : ("number" as const),
          spc: { enabled: false },
        })),
      ).flat(),
    );
    const now = () => new Date(NOW + seconds * 1000);
    const storage = new TelemetryStorage({ db: handle.db, live: new LiveHub(), now });
    const ingest = new OeeIngest(handle.db, now);
    storage.writer.onStored((o, d, rows) => ingest.accept(o, d, rows));
    const rng = new SeededRandom(5);
    const good = new Array(machines).fill(0);
    let points = 0;
    const t0 = performance.now();
    for (let s = 0; s < seconds; s++) {
      await Promise.all(
        Array.from({ length: machines }, async (_, m) => {
          const ts = NOW + s * 1000;
          const down = rng.chance(0.05);
          good[m] += down ? 0 : 2;
          const batch = [
            { tag: "state", ts, value: down ? "down" : "run" },
            { tag: "state_reason", ts, value: down ? "jam" : "" },
            { tag: "good_count", ts, value: good[m] },
            { tag: "reject_count", ts, value: Math.floor(good[m] / 100) },
          ];
          const written = await storage.writer.write({ orgId, deviceId: `bd-${m}`, points: batch });
          points += written.stored;
        }),
      );
    }
    await ingest.flush();
    const secondsTaken = (performance.now() - t0) / 1000;
    const row = {
      database: kind,
      machines,
      simulatedSeconds: seconds,
      points,
      pointsPerSecond: Math.round(points / secondsTaken),
      errors: ingest.errors,
    };
    console.log(row);
    return row;
  } finally {
    await handle.close();
    await schema?.cleanup();
  }
}

export async function run(args: string[]): Promise<void> {
  const machineCounts = (arg(args, "--machines") ?? "10,50").split(",").map(Number);
  const dayCounts = (arg(args, "--days") ?? "7,30").split(",").map(Number);
  const pgUrl = arg(args, "--pg") ?? process.env.TEST_DATABASE_URL;
  const dbArg = arg(args, "--db") ?? (pgUrl ? "both" : "pglite");
  const kinds: ("pglite" | "postgres")[] =
    dbArg === "both" ? ["pglite", "postgres"] : dbArg === "postgres" ? ["postgres"] : ["pglite"];
  const rows: Row[] = [];
  for (const machines of machineCounts)
    for (const days of dayCounts)
      for (const kind of kinds) rows.push(await measure(kind, pgUrl, machines, days));
  const ingest = [];
  for (const kind of kinds)
    ingest.push(await ingestRate(kind, pgUrl, 10, Number(arg(args, "--ingest-seconds") ?? 60)));
  const machine = await machineInfo();
  const md = [
    "# oee — OEE over N machines × D days, PGlite and PostgreSQL",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}.`,
    "",
    "Store: per machine about 2 state intervals per hour (running, then a down/setup/idle stop with a reason) and a count bucket per 15 minutes; lines of 10 machines, ideal cycle 1 s.",
    "Timed through OeeService as the routes call it (5 runs after a warm-up; the overview 10): the report of one line (10 machines) over the whole range per shift and per day — engine, Pareto and stops table included — and the line overview of every line (current shift).",
    "",
    "| database | machines | days | intervals | count buckets | load s | line report by shift p50 ms | p95 ms | by day p50 ms | overview p50 ms | p95 ms | line OEE |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.machines} | ${r.days} | ${r.events.toLocaleString("en")} | ${r.countBuckets.toLocaleString("en")} | ${r.loadSeconds} | ${r.lineByShiftP50Ms} | ${r.lineByShiftP95Ms} | ${r.lineByDayP50Ms} | ${r.overviewP50Ms} | ${r.overviewP95Ms} | ${r.lineOee ?? "—"} |`,
    ),
    "",
    "Ingest into the store: 10 machines each writing state, reason and two counters once per simulated second (one write per machine-second through the telemetry writer, the OEE store fed from its stored hook):",
    "",
    "| database | machines | simulated s | points | points/s | errors |",
    "|---|---|---|---|---|---|",
    ...ingest.map(
      (r) =>
        `| ${r.database} | ${r.machines} | ${r.simulatedSeconds} | ${r.points} | ${r.pointsPerSecond} | ${r.errors} |`,
    ),
    "",
    kinds.includes("postgres")
      ? ""
      : "PostgreSQL not measured: pass --pg postgres://… or set TEST_DATABASE_URL.",
  ].join("\n");
  writeResults("oee", { machine, rows, ingest }, md);
}
