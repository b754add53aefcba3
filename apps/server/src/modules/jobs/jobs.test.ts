import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { JobConsole } from "./job.console.ts";
import { finished, getJob, jobsApp, scheduleBody, startJob, waitForJob } from "./job.test-support.ts";

describeEachDatabase("jobs", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aViewer: Session;
  let b: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await jobsApp(getDb().db);
    a = await login(app, EMAILS.aOwner);
    aViewer = await login(app, EMAILS.aViewer);
    b = await login(app, EMAILS.bOwner);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("runs a schedule on a worker thread: queued → running (with progress) → succeeded with a checked schedule", async () => {
    const job = await startJob(app, a, scheduleBody(1.2));
    expect(job).toMatchObject({ kind: "schedule", orgId: a.orgId, status: "queued", progress: 0 });
    const done = await waitForJob(app, a, job.id, finished);
    expect(done.status).toBe("succeeded");
    expect(done.progress).toBe(1);
    expect(done.note).toMatch(/best makespan \d+/);
    const result = done.result as {
      makespan: number;
      lowerBound: number;
      operations: unknown[];
      stopReason: string;
    };
    expect(result.operations).toHaveLength(225);
    expect(result.makespan).toBeGreaterThanOrEqual(result.lowerBound);
    expect(Date.parse(done.finishedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(done.startedAt ?? ""));
  });

  it("cancels a running schedule from the API: status cancelled within a second or two, best schedule kept", async () => {
    const job = await startJob(app, a, scheduleBody(60, 2));
    await waitForJob(app, a, job.id, (j) => j.status === "running" && j.progress > 0);
    const asked = Date.now();
    const res = await call(app, a, "POST", `/api/v1/jobs/${job.id}/cancel`);
    expect(res.statusCode).toBe(200);
    const done = await waitForJob(app, a, job.id, finished, 5000);
    const ms = Date.now() - asked;
    console.log(`cancel → cancelled in ${ms} ms`);
    expect(done.status).toBe("cancelled");
    expect((done.result as { stopReason: string }).stopReason).toBe("aborted");
    expect(ms).toBeLessThan(3000);
    const again = await call(app, a, "POST", `/api/v1/jobs/${job.id}/cancel`);
    expect(again.statusCode).toBe(409);
  });

  it("keeps jobs inside their org: another firm gets 404 and an empty list; a viewer watches but cannot start", async () => {
    const job = await startJob(app, a, {
      kind: "mrp",
      input: { source: "generated", items: 200, levels: 4, periods: 12, seed: 3 },
    });
    await waitForJob(app, a, job.id, finished);
    expect((await call(app, b, "GET", `/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await call(app, b, "POST", `/api/v1/jobs/${job.id}/cancel`)).statusCode).toBe(404);
    const listB = (await call(app, b, "GET", "/api/v1/jobs")).json() as { items: { id: string }[] };
    expect(listB.items.map((j) => j.id)).not.toContain(job.id);
    const listA = (await call(app, aViewer, "GET", "/api/v1/jobs?kind=mrp")).json() as {
      items: { id: string }[];
    };
    expect(listA.items.map((j) => j.id)).toContain(job.id);
    expect((await call(app, aViewer, "POST", "/api/v1/jobs", scheduleBody(1))).statusCode).toBe(403);
  });

  it("limits each org (1 running + 1 queued here): the third job is refused with 429, while another org still runs", async () => {
    const first = await startJob(app, a, scheduleBody(30, 4));
    const second = await startJob(app, a, scheduleBody(30, 5));
    const third = await call(app, a, "POST", "/api/v1/jobs", scheduleBody(30, 6));
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("RATE_LIMITED");
    // A's second job waits although a thread is free: one firm cannot fill the pool.
    const bJob = await startJob(app, b, scheduleBody(0.5, 7));
    await waitForJob(app, a, first.id, (j) => j.status === "running");
    expect((await getJob(app, a, second.id)).status).toBe("queued");
    expect((await waitForJob(app, b, bJob.id, finished)).status).toBe("succeeded");
    expect((await getJob(app, a, second.id)).status).toBe("queued");
    await call(app, a, "POST", `/api/v1/jobs/${second.id}/cancel`);
    expect((await getJob(app, a, second.id)).status).toBe("cancelled");
    await call(app, a, "POST", `/api/v1/jobs/${first.id}/cancel`);
    expect((await waitForJob(app, a, first.id, finished)).status).toBe("cancelled");
  });

  it("fails a job whose input the engine rejects, with the engine's code and message", async () => {
    const job = await startJob(app, a, {
      kind: "mrp",
      input: {
        source: "input",
        problem: {
          items: [
            { id: "A", leadTime: 1 },
            { id: "B", leadTime: 1 },
          ],
          bom: [
            { parent: "A", child: "B", quantityPer: 1 },
            { parent: "B", child: "A", quantityPer: 1 },
          ],
          demand: [{ item: "A", period: 1, quantity: 5 }],
        },
      },
    });
    const done = await waitForJob(app, a, job.id, finished);
    expect(done.status).toBe("failed");
    expect(done.error?.code).toBe("BOM_CYCLE");
  });

  it("runs forecast and analyze jobs", async () => {
    const values = Array.from({ length: 36 }, (_, i) => 100 + 10 * Math.sin((2 * Math.PI * i) / 12) + i);
    const f = await startJob(app, a, {
      kind: "forecast",
      input: {
        series: [
          { id: "s1", values },
          { id: "s2", values: values.map((v) => v * 2) },
        ],
        horizon: 6,
        period: 12,
      },
    });
    const fDone = await waitForJob(app, a, f.id, finished);
    expect(fDone.status).toBe("succeeded");
    expect((fDone.result as { items: { mean: number[] }[] }).items[0].mean).toHaveLength(6);
    const d = await startJob(app, a, {
      kind: "analyze",
      input: {
        method: "dea-ccr",
        orientation: "input",
        units: ["u1", "u2", "u3"],
        inputs: [[2], [4], [3]],
        outputs: [[2], [2], [3]],
      },
    });
    const dDone = await waitForJob(app, a, d.id, finished);
    expect(dDone.status).toBe("succeeded");
    const units = (dDone.result as { units: { unit: string; efficiency: number }[] }).units;
    expect(units.map((u) => Number(u.efficiency.toFixed(3)))).toEqual([1, 0.5, 1]);
  });

  it("a cancel written to the row from another process (the CLI's JobConsole) stops the running job", async () => {
    const job = await startJob(app, a, scheduleBody(60, 8));
    await waitForJob(app, a, job.id, (j) => j.status === "running" && j.progress > 0);
    const console_ = new JobConsole(getDb().db);
    expect((await console_.list({ orgId: a.orgId, status: "running", limit: 5 })).map((j) => j.id)).toContain(
      job.id,
    );
    expect(await console_.cancel(job.id)).toMatchObject({ requested: true, job: { cancelRequested: true } });
    const done = await waitForJob(app, a, job.id, finished, 5000);
    expect(done.status).toBe("cancelled");
    expect(await console_.cancel(job.id)).toMatchObject({ requested: false, job: { status: "cancelled" } });
    expect(await console_.cancel("no-such-job")).toBeUndefined();
    expect((await console_.show(job.id))?.input).toEqual(scheduleBody(60, 8).input);
  });

  it("rejects a malformed job body with a clear 400", async () => {
    const res = await call(app, a, "POST", "/api/v1/jobs", {
      kind: "schedule",
      input: { instance: { source: "generated", jobs: 1 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("reports the job pool on /readyz", async () => {
    const res = await app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json().modules).toContainEqual(
      expect.objectContaining({ name: "jobs", state: "running", ok: true, threads: 2 }),
    );
  });
});
