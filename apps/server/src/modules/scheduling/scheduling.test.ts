import type { PromiseResult, RepairResult, ScenarioDetail, ScenarioSummary } from "@clusterbrain/contracts";
import { validateSchedule } from "@clusterbrain/engine/schedule";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { finished, jobsApp, waitForJob } from "../jobs/job.test-support.ts";
import { addDays, DAY_MIN } from "./scheduling.calendar.ts";
import { planToInstance } from "./scheduling.plan.ts";
import { SchedulingRepository } from "./scheduling.repository.ts";
import { factoryToday } from "./scheduling.service.ts";

const API = "/api/v1/scheduling";

describeEachDatabase("scheduling: scenarios as jobs, Gantt moves, promise, repair", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  const today = factoryToday(new Date());
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await jobsApp(getDb().db, { perOrgQueued: 4 });
    owner = await login(app, EMAILS.aOwner);
    const save = async (entity: string, data: object) => {
      const res = await call(app, owner, "POST", "/api/v1/planning/records", { entity, data });
      expect(res.statusCode, res.body).toBe(200);
    };
    for (const code of ["A", "B"]) await save("items", { code, name: code, unit: "pcs", leadTimeDays: 2 });
    await save("items", { code: "RAW", name: "raw", unit: "kg", leadTimeDays: 9 });
    await save("bom", { parent: "B", component: "RAW", qtyPer: 1 });
    await save("stock", { item: "RAW", quantity: 100 });
    for (const code of ["M1", "M2"])
      await save("machines", { code, name: code, workCentre: "CUT", shifts: "00:00-24:00", workdays: "1-7" });
    await save("machines", {
      code: "M3",
      name: "M3",
      workCentre: "PACK",
      shifts: "08:00-16:00",
      workdays: "1-5",
    });
    const step = (item: string, seq: number, machine: string, minutesPerUnit: number, family: string) =>
      save("routings", { item, seq, operation: `op${seq}`, machine, minutesPerUnit, family });
    await step("A", 10, "M1", 2, "F1");
    await step("A", 10, "M2", 3, "F1");
    await step("A", 20, "M3", 1, "F1");
    await step("B", 10, "M2", 2, "F2");
    await step("B", 20, "M3", 1, "F2");
    await save("setups", { fromFamily: "F1", toFamily: "F2", minutes: 30 });
    await save("setups", { fromFamily: "F2", toFamily: "F1", minutes: 30 });
    await save("calendar", { date: addDays(today, 60), kind: "holiday" });
    for (let i = 0; i < 8; i++)
      await save("open-orders", {
        orderNo: `MO-${i}`,
        kind: "production",
        item: i % 2 ? "B" : "A",
        quantity: 100 + 20 * i,
        dueDate: addDays(today, 1 + (i % 4)),
        priority: 1 + (i % 3),
      });
  }, 120_000);
  afterAll(() => app.close());

  const create = async (name: string, objective: string) => {
    const res = await call(app, owner, "POST", `${API}/scenarios`, { name, objective, timeLimitSeconds: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as ScenarioSummary;
    expect(s.status).toBe("running");
    const job = await waitForJob(app, owner, s.jobId!, finished);
    expect(job.status).toBe("succeeded");
    const detail = (await call(app, owner, "GET", `${API}/scenarios/${s.id}`)).json() as ScenarioDetail;
    expect(detail.status, detail.error ?? "").toBe("ready");
    return detail;
  };
  let first: ScenarioDetail;
  let second: ScenarioDetail;

  it("solves open production orders as a job into a validated scenario with KPIs", async () => {
    first = await create("tardiness", "weightedTardiness");
    expect(first.operations).toHaveLength(16);
    expect(first.jobs.map((j) => j.orderNo).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `MO-${i}`));
    const row = await new SchedulingRepository(getDb().db).find(IDS.a, first.id);
    expect(validateSchedule(planToInstance(row!.plan), { operations: row!.operations! }).valid).toBe(true);
    expect(first.kpis).toMatchObject({ orders: 8 });
    expect(first.kpis!.makespan).toBeGreaterThan(0);
    expect(first.kpis!.utilisationPct).toBeGreaterThan(0);
    // M3 works 08:00–16:00 on weekdays only: nothing of it starts outside.
    for (const o of first.operations.filter((x) => x.machine === 2)) {
      expect(o.start % DAY_MIN).toBeGreaterThanOrEqual(8 * 60);
      expect(o.end % DAY_MIN || DAY_MIN).toBeLessThanOrEqual(16 * 60);
    }
  });

  it("compares scenarios side by side and publishes one as the firm's plan", async () => {
    second = await create("makespan", "makespan");
    const list = (await call(app, owner, "GET", `${API}/scenarios`)).json().items as ScenarioSummary[];
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(list.every((s) => s.kpis !== null)).toBe(true);
    expect((await call(app, owner, "POST", `${API}/scenarios/${first.id}/publish`)).json().published).toBe(
      true,
    );
    expect((await call(app, owner, "POST", `${API}/scenarios/${second.id}/publish`)).statusCode).toBe(200);
    const after = (await call(app, owner, "GET", `${API}/scenarios`)).json().items as ScenarioSummary[];
    expect(after.filter((s) => s.published).map((s) => s.id)).toEqual([second.id]);
    expect((await call(app, owner, "DELETE", `${API}/scenarios/${second.id}`)).statusCode).toBe(409);
    const load = (await call(app, owner, "GET", `${API}/scenarios/${second.id}/load`)).json();
    expect(load.machines).toHaveLength(3);
    expect(load.weeks.length).toBeGreaterThan(0);
    const scheduled = load.machines.flatMap((m: { cells: { scheduled: number }[] }) =>
      m.cells.map((c) => c.scheduled),
    );
    expect(scheduled.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);
  });

  it("a drop that breaks precedence, calendar or capacity is refused with the reason; a valid one applies and undoes", async () => {
    const ops = first.operations;
    const second0 = ops.find((o) => o.op === 1)!;
    const pred = ops.find((o) => o.job === second0.job && o.op === 0)!;
    const refuse = async (body: object, word: RegExp) => {
      const res = await call(app, owner, "POST", `${API}/scenarios/${first.id}/moves`, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.message).toMatch(word);
    };
    await refuse(
      { job: second0.job, op: 1, machine: 2, start: Math.max(0, pred.start - 60) },
      /step sequence|not working/,
    );
    // M3 at 02:00 on a late weekday: outside its shift.
    const lastEnd = Math.max(...ops.map((o) => o.end));
    const night = (Math.ceil(lastEnd / DAY_MIN) + 7) * DAY_MIN + 2 * 60;
    await refuse({ job: second0.job, op: 1, machine: 2, start: night }, /not working/);
    await refuse({ job: second0.job, op: 1, machine: 0, start: night }, /cannot run/);
    // The last order's last step moved to 09:00 of a weekday after everything: valid.
    const target = ops.reduce((a, b) => (b.end > a.end ? b : a));
    const beforeEnd = target.start;
    let day = Math.ceil(lastEnd / DAY_MIN) + 1;
    while ([0, 6].includes(new Date(`${addDays(first.origin, day)}T00:00:00Z`).getUTCDay())) day++;
    const moved = await call(app, owner, "POST", `${API}/scenarios/${first.id}/moves`, {
      job: target.job,
      op: target.op,
      machine: target.machine,
      start: day * DAY_MIN + 9 * 60,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as ScenarioDetail).canUndo).toBe(true);
    const undone = (
      await call(app, owner, "POST", `${API}/scenarios/${first.id}/undo`)
    ).json() as ScenarioDetail;
    expect((moved.json() as ScenarioDetail).kpis!.makespan).toBe(
      day * DAY_MIN + 9 * 60 + target.end - target.start,
    );
    expect(undone.operations.find((o) => o.job === target.job && o.op === target.op)!.start).toBe(beforeEnd);
    expect((await call(app, owner, "POST", `${API}/scenarios/${first.id}/undo`)).statusCode).toBe(409);
    const locked = await call(app, owner, "POST", `${API}/scenarios/${first.id}/locks`, {
      job: target.job,
      op: target.op,
      locked: true,
    });
    expect((locked.json() as ScenarioDetail).operations.find((o) => o.locked)).toBeTruthy();
    await refuse({ job: target.job, op: target.op, machine: target.machine, start: beforeEnd }, /locked/);
  });

  it("promises the earliest feasible date with the binding reason: that date validates, a day earlier is late", async () => {
    for (const [item, quantity] of [
      ["A", 300],
      ["B", 150],
    ] as const) {
      const res = await call(app, owner, "POST", `${API}/promise`, { item, quantity });
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json() as PromiseResult;
      expect(p.scenarioId).toBe(second.id);
      expect(["machine", "material", "routing"]).toContain(p.binding.kind);
      if (item === "B") expect(p.binding).toMatchObject({ kind: "material", code: "RAW" });
      const row = (await new SchedulingRepository(getDb().db).find(IDS.a, second.id))!;
      const meta = row.meta as { families: string[]; machines: { code: string }[] };
      const idx = (code: string) => meta.machines.findIndex((m) => m.code === code);
      const dueOf = (date: string) =>
        (Math.round((Date.parse(date) - Date.parse(row.origin)) / 86_400_000) + 1) * DAY_MIN;
      const check = (due: number) => {
        const plan = {
          ...row.plan,
          jobs: [
            ...row.plan.jobs,
            {
              release: p.materialReady,
              due,
              weight: 1,
              family: meta.families.indexOf(item === "A" ? "F1" : "F2"),
              operations: p.operations.map((o) => ({
                alternatives: [{ machine: idx(o.machine), duration: o.end - o.start }],
              })),
            },
          ],
        };
        const j = plan.jobs.length - 1;
        const ops = [
          ...row.operations!,
          ...p.operations.map((o, k) => ({
            job: j,
            op: k,
            machine: idx(o.machine),
            start: o.start,
            end: o.end,
          })),
        ];
        const report = validateSchedule(planToInstance(plan), { operations: ops });
        const base = validateSchedule(planToInstance(row.plan), { operations: row.operations! });
        return { valid: report.valid, lateness: report.weightedTardiness - base.weightedTardiness };
      };
      expect(check(dueOf(p.date))).toEqual({ valid: true, lateness: 0 });
      expect(check(dueOf(p.date) - DAY_MIN).lateness).toBeGreaterThan(0);
    }
    expect((await call(app, owner, "POST", `${API}/promise`, { item: "NOPE", quantity: 1 })).statusCode).toBe(
      404,
    );
  });

  it("a machine-down disturbance marks the hit operations and repairs with few moves", async () => {
    const m1 = second.operations.filter((o) => o.machine === 1).sort((a, b) => a.start - b.start)[0];
    const at = (min: number) =>
      `${addDays(second.origin, Math.floor(min / DAY_MIN))}T${String(Math.floor((min % DAY_MIN) / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
    const res = await call(app, owner, "POST", `${API}/scenarios/${second.id}/disturbances`, {
      machine: "M2",
      from: at(m1.start),
      to: at(m1.start + 240),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RepairResult;
    expect(r.affected).toBeGreaterThan(0);
    expect(r.moved.length).toBeGreaterThan(0);
    expect(r.moved.length).toBeLessThanOrEqual(second.operations.length);
    expect(r.tardinessAfter).toBeGreaterThanOrEqual(0);
    expect(r.scenario.parentId).toBe(second.id);
    const repaired = (
      await call(app, owner, "GET", `${API}/scenarios/${r.scenario.id}`)
    ).json() as ScenarioDetail;
    expect(repaired.operations.filter((o) => o.affected)).toHaveLength(r.affected);
    for (const o of repaired.operations.filter((x) => x.machine === 1))
      expect(o.end <= m1.start || o.start - o.setup >= m1.start + 240).toBe(true);
    const bad = await call(app, owner, "POST", `${API}/scenarios/${second.id}/disturbances`, {
      machine: "NOPE",
      from: at(0),
      to: at(60),
    });
    expect(bad.statusCode).toBe(400);
    // Locked, the operation under the outage would have to move: the repair is refused, not applied.
    const lock = await call(app, owner, "POST", `${API}/scenarios/${second.id}/locks`, {
      job: m1.job,
      op: m1.op,
      locked: true,
    });
    expect(lock.statusCode, lock.body).toBe(200);
    const refused = await call(app, owner, "POST", `${API}/scenarios/${second.id}/disturbances`, {
      machine: "M2",
      from: at(m1.start),
      to: at(m1.start + 240),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toMatch(/locked/);
  });

  it("another firm sees none of it: A's scenario is 404 for B, and B's list is empty", async () => {
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, b, "GET", `${API}/scenarios/${first.id}`)).statusCode).toBe(404);
    expect((await call(app, b, "POST", `${API}/scenarios/${first.id}/publish`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `${API}/scenarios`)).json().items).toEqual([]);
  });
});
