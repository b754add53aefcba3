// The killable server: a child process (bench/crash/server.ts) on one PGlite data directory or
// one PostgreSQL schema that outlives every restart.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../apps/server/src/db/database.ts";
import type { Ledger, Report } from "./invariants.ts";

const serverScript = fileURLToPath(new URL("./server.ts", import.meta.url));
/** Fixed, so sessions signed before a kill stay valid after it (as with a configured secret). */
const SESSION_SECRET = "crash-bench-secret-0123456789-0123456789";

export interface CrashTarget {
  label: string;
  url: string;
  cleanup(): Promise<void>;
}

export async function target(kind: "pglite" | "postgres", pgUrl?: string): Promise<CrashTarget> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "cb-crash-"));
    return {
      label: "PGlite (data dir)",
      url: dir,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!pgUrl) throw new Error("PostgreSQL target needs a URL");
  const schema = `crash_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: pgUrl });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  // The server takes one URL; libpq's `options` puts every pooled connection in the schema.
  const sep = pgUrl.includes("?") ? "&" : "?";
  return {
    label: "PostgreSQL",
    url: `${pgUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    cleanup: async () => {
      const a = await openDatabase({ url: pgUrl });
      await a.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.close();
    },
  };
}

export interface RunningChild {
  url: string;
  /** Spawn → first `/readyz` 200. */
  readyMs: number;
  check(ledger: Ledger): Promise<Report>;
  kill(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

export async function spawnServer(t: CrashTarget, seed: boolean): Promise<RunningChild> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", serverScript], {
    env: {
      ...process.env,
      CRASH_DB_URL: t.url,
      CRASH_SEED: seed ? "1" : "0",
      SESSION_SECRET,
      JOB_THREADS: "2",
      JOBS_PER_ORG: "1",
      JOB_QUEUE_PER_ORG: "5",
      LOG_LEVEL: "silent",
      // Load shedding off: on a shared 2-core machine it would answer most of the batch 503, and
      // the point is writes in flight when the process dies, not refused ones.
      OVERLOAD_EVENT_LOOP_DELAY_MS: "0",
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(
        () => reject(new Error(`no start within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n").find((l) => l.startsWith('{"url"'));
        if (line) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { url: string }).url);
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening: ${stderr}`));
      });
    });
    for (;;) {
      const res = await fetch(`${url}/readyz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`/readyz not 200: ${res?.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyMs = Math.round(performance.now() - started);
    const check = (ledger: Ledger) =>
      new Promise<Report>((resolve, reject) => {
        child.once("message", (m: { report?: Report; error?: string }) =>
          m.report ? resolve(m.report) : reject(new Error(`check failed: ${m.error}`)),
        );
        child.send(ledger);
      });
    return { url, readyMs, check, kill };
  } catch (err) {
    await kill();
    throw err;
  }
}
