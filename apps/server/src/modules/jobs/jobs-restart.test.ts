import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../db/database.ts";
import { migrate } from "../../db/migrate.ts";
import { jobs } from "../../db/schema/index.ts";
import { EMAILS, login, seedCluster } from "../../test/fixtures.ts";
import { testDatabaseKinds } from "../../test/test-database.ts";
import { getJob, jobsApp } from "./job.test-support.ts";

const fixture = fileURLToPath(new URL("../../test/job-process.fixture.ts", import.meta.url));

/** Starts the fixture server process and resolves with the id of its running job. */
function startServerProcess(env: Record<string, string>): { child: ChildProcess; jobId: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", fixture], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const jobId = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { id: string }).id);
    });
    child.on("exit", (code) =>
      reject(new Error(`server process exited (${code}) before its job ran: ${stderr}`)),
    );
  });
  return { child, jobId };
}

interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

async function target(kind: "pglite" | "postgres"): Promise<Target> {
  if (kind === "pglite") {
    // A data directory, so two processes can open it one after the other.
    const dir = mkdtempSync(join(tmpdir(), "cb-jobs-restart-"));
    return {
      env: { JOB_DB_URL: dir },
      open: () => openDatabase({ url: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  return {
    env: { JOB_DB_URL: url, JOB_DB_SCHEMA: schema },
    open: () => openDatabase({ url, schema }),
    cleanup: async () => {
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`jobs across a server kill [${kind}]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it("a job running when the server process is killed (SIGKILL) is marked interrupted at the next start", async () => {
      const t = await target(kind);
      cleanups.push(t.cleanup);
      const setup = await t.open();
      await migrate(setup);
      await seedCluster(setup.db);
      await setup.close();

      const server = startServerProcess(t.env);
      const jobId = await server.jobId;
      server.child.kill("SIGKILL");
      await new Promise((r) => server.child.once("exit", r));

      const handle = await t.open();
      cleanups.push(() => handle.close());
      // The killed process had no chance to write anything: the row still says running.
      const [left] = await handle.db.select().from(jobs).where(eq(jobs.id, jobId));
      expect(left.status).toBe("running");
      expect(left.progress).toBeGreaterThan(0);

      const app = await jobsApp(handle.db);
      cleanups.push(() => app.close());
      const job = await getJob(app, await login(app, EMAILS.aOwner), jobId);
      expect(job.status).toBe("interrupted");
      expect(job.error?.code).toBe("INTERRUPTED");
      expect(job.finishedAt).not.toBeNull();
      const ready = (await app.inject({ method: "GET", url: "/readyz" })).json();
      expect(ready.modules).toContainEqual(expect.objectContaining({ name: "jobs", interruptedAtStart: 1 }));
    }, 300_000);
  });
}
