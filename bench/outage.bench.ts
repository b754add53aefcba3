// `npm run bench -- outage [--down-seconds 15] [--devices 4] [--out outage]`
// A database outage during QoS 1 MQTT ingest, on a private PostgreSQL cluster (temp dir, free
// port; the machine's PostgreSQL is never touched): publishers run (embedded broker, a PUBACK
// means committed), then `pg_ctl stop -m immediate`, the database stays down for --down-seconds,
// then `pg_ctl start`. Every 250 ms the bench samples PUBACKs, /readyz and a few signed-in API
// routes. Shown side by side: before / during / after the outage — PUBACKs pause, /readyz goes
// 503, the API answers 503 (not 500), ingest resumes by itself, and every acknowledged point is
// in the database afterwards. Exits 1 when an acknowledged point is missing or ingest never resumes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMAILS, PASSWORD } from "../apps/server/src/test/fixtures.ts";
import { serverEnv, serverScript, settledCheck } from "./crash/ingest-phase.ts";
import { type BenchDevice, spawnChild, startPublishing, TAGS } from "./ingest/workload.ts";
import { benchSchema } from "./lib/bench-schema.ts";
import { arg, sleep } from "./lib/free-port.ts";
import { startPrivatePostgres } from "./lib/private-postgres.ts";
import { machineInfo, writeResults } from "./lib/results.ts";

const ROUTES = ["/api/v1/telemetry/assets", "/api/v1/orgs", "/api/v1/auth/me"];

interface Sample {
  t: number;
  phase: "before" | "down" | "after";
  ackedMessages: number;
  readyz: number;
  api: number[];
}

async function status(url: string, cookie?: string): Promise<number> {
  const res = await fetch(url, {
    headers: cookie ? { cookie } : {},
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  if (res) await res.arrayBuffer().catch(() => undefined);
  return res?.status ?? 0;
}

export async function run(args: string[]): Promise<void> {
  const downSeconds = Number(arg(args, "--down-seconds", "15"));
  const nDevices = Number(arg(args, "--devices", "4"));
  const out = arg(args, "--out", "outage");
  const work = mkdtempSync(join(tmpdir(), "cb-outage-"));
  const devicesFile = join(work, "devices.json");
  const pg = await startPrivatePostgres();
  const samples: Sample[] = [];
  let result: Record<string, unknown> = {};
  let failed = false;
  try {
    const schema = await benchSchema(pg.url, "outage");
    const server = await spawnChild(
      serverScript,
      serverEnv({ dbUrl: schema.url, devicesFile, seed: nDevices, mqttPort: 0 }),
    );
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAILS.aOwner, password: PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const devices = JSON.parse(readFileSync(devicesFile, "utf8")) as BenchDevice[];
    const pub = startPublishing({
      url: `mqtt://127.0.0.1:${server.mqttPort}`,
      devices,
      samples: 10,
      window: 8,
      rate: 0,
      base: Date.now() - 3_600_000,
      reconnectMs: 100,
    });
    const t0 = performance.now();
    const now = () => Math.round(performance.now() - t0) / 1000;
    let phase: Sample["phase"] = "before";
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const started = performance.now();
        const [readyz, ...api] = await Promise.all([
          status(`${server.url}/readyz`),
          ...ROUTES.map((r) => status(`${server.url}${r}`, cookie)),
        ]);
        samples.push({ t: now(), phase, ackedMessages: pub.ackedMessages(), readyz, api });
        await sleep(Math.max(0, 250 - (performance.now() - started)));
      }
    })();
    await sleep(5000);
    const stopAt = now();
    phase = "down";
    await pg.stopImmediate();
    const ackedAtStop = pub.ackedMessages();
    await sleep(downSeconds * 1000);
    const ackedBeforeStart = pub.ackedMessages();
    const startAt = now();
    phase = "after";
    await pg.start();
    const startedAt = now();
    const deadline = performance.now() + 60_000;
    while (pub.ackedMessages() === ackedBeforeStart && performance.now() < deadline) await sleep(20);
    const firstAckAt = now();
    const resumed = pub.ackedMessages() > ackedBeforeStart;
    await sleep(5000);
    sampling = false;
    await sampler;
    await pub.stop();
    const check = await settledCheck(server, pub.ledger, 0);
    await server.kill();
    await schema.cleanup();

    const down = samples.filter((s) => s.t > stopAt && s.t <= startAt);
    const firstNotReady = down.find((s) => s.readyz !== 200);
    const readyAgain = samples.find((s) => s.t > startAt && s.readyz === 200);
    const codes = (xs: Sample[]) => {
      const c: Record<string, number> = {};
      for (const s of xs) for (const code of s.api) c[code] = (c[code] ?? 0) + 1;
      return c;
    };
    const apiDown = codes(down);
    const other5xx = Object.entries(apiDown)
      .filter(([code]) => Number(code) >= 500 && Number(code) !== 503)
      .reduce((n, [, v]) => n + v, 0);
    const rate = (xs: Sample[]) =>
      xs.length < 2
        ? 0
        : Math.round(
            ((xs[xs.length - 1].ackedMessages - xs[0].ackedMessages) / (xs[xs.length - 1].t - xs[0].t)) * 10,
          ) / 10;
    const before = samples.filter((s) => s.phase === "before");
    const after = samples.filter((s) => s.t >= firstAckAt);
    failed = check.missing !== 0 || !resumed;
    result = {
      database: "private PostgreSQL 15 cluster, pg_ctl stop -m immediate / start",
      devices: nDevices,
      pointsPerMessage: TAGS.length * 10,
      downSeconds,
      timeline: {
        stopAtS: stopAt,
        firstReadyz503AtS: firstNotReady?.t ?? null,
        startAtS: startAt,
        databaseAcceptingAtS: startedAt,
        firstPubackAfterRestartAtS: resumed ? firstAckAt : null,
        readyz200AgainAtS: readyAgain?.t ?? null,
      },
      pubacks: {
        perSecondBefore: rate(before),
        duringOutage: ackedBeforeStart - ackedAtStop,
        perSecondAfterResume: rate(after),
      },
      readyzDuringOutage: codes(down.map((s) => ({ ...s, api: [s.readyz] }))),
      apiDuringOutage: apiDown,
      apiOther5xxDuringOutage: other5xx,
      apiBefore: codes(before),
      apiAfterResume: codes(after),
      acknowledgedPointsChecked: check.expected,
      acknowledgedPointsMissing: check.missing,
      resumedBySelf: resumed,
      samples,
      machine: await machineInfo(),
    };
    const tl = result.timeline as Record<string, number | null>;
    const p = result.pubacks as Record<string, number>;
    const fmt = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([k, v]) => `${k}×${v}`)
        .join(", ") || "–";
    const md = [
      `# Database outage during QoS 1 MQTT ingest (${downSeconds} s, private PostgreSQL)`,
      "",
      `${nDevices} devices publish QoS 1 batches of ${TAGS.length * 10} points to the embedded broker (a PUBACK = committed).`,
      `Every 250 ms: PUBACKs so far, /readyz, and ${ROUTES.join(", ")} signed in as a firm owner.`,
      "",
      "| | before | database down | after restart |",
      "|---|---|---|---|",
      `| PUBACKs | ${p.perSecondBefore} msg/s | ${p.duringOutage} in ${downSeconds} s | ${p.perSecondAfterResume} msg/s |`,
      `| /readyz | ${fmt(codes(before.map((s) => ({ ...s, api: [s.readyz] }))))} | ${fmt(result.readyzDuringOutage as Record<string, number>)} | ${fmt(codes(after.map((s) => ({ ...s, api: [s.readyz] }))))} |`,
      `| API answers | ${fmt(result.apiBefore as Record<string, number>)} | ${fmt(apiDown)} | ${fmt(result.apiAfterResume as Record<string, number>)} |`,
      "",
      "Timeline (s since publishing began):",
      "",
      `- ${tl.stopAtS} database stopped (immediate); ${tl.firstReadyz503AtS ?? "never"} first /readyz ≠ 200`,
      `- ${tl.startAtS} pg_ctl start; ${tl.databaseAcceptingAtS} accepting connections`,
      `- ${tl.firstPubackAfterRestartAtS ?? "never"} first PUBACK after the restart (ingest resumed by itself); ${tl.readyz200AgainAtS ?? "never"} /readyz 200 again`,
      "",
      `API 5xx other than 503 during the outage: ${other5xx}. Acknowledged points checked: ${check.expected}, missing: ${check.missing}.`,
      "",
      `Machine: ${JSON.stringify(result.machine)}`,
    ].join("\n");
    writeResults(out, result, md);
  } finally {
    await pg.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}
