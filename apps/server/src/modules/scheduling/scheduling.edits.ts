import { randomUUID } from "node:crypto";
import type {
  disturbanceSchema,
  lockOperationSchema,
  moveOperationSchema,
  PlanningBomLine,
  PlanningItem,
  PlanningOpenOrder,
  PlanningStock,
  PromiseResult,
  RepairResult,
  ScenarioDetail,
} from "@clusterbrain/contracts";
import { PLANNING_DATA_SCHEMAS } from "@clusterbrain/contracts";
import type { ScheduledOperation } from "@clusterbrain/engine/schedule";
import type { z } from "zod";
import type { Actor } from "../../auth/actor.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { PlanningRepository } from "../planning/planning.repository.ts";
import { addDays, DAY_MIN, daysBetween, minutesOf, wallClock } from "./scheduling.calendar.ts";
import { buildPlan, HORIZON_DAYS, routingSteps, stepMinutes } from "./scheduling.instance.ts";
import { scenarioKpis } from "./scheduling.kpis.ts";
import { applyMove, opKey } from "./scheduling.moves.ts";
import { insertOrder } from "./scheduling.promise.ts";
import { repairSchedule } from "./scheduling.repair.ts";
import { SchedulingRepository } from "./scheduling.repository.ts";
import { factoryToday, metaOf, type SchedulingService, toDetail, toSummary } from "./scheduling.service.ts";

const UNDO_DEPTH = 20;

/** Gantt edits (move, lock, undo), machine-down repairs and delivery promises on the org's scenarios. */
export class SchedulingEdits {
  constructor(
    private readonly s: SchedulingService,
    private readonly now: () => Date,
  ) {}

  async move(actor: Actor, id: string, move: z.infer<typeof moveOperationSchema>): Promise<ScenarioDetail> {
    this.s.assert(actor, true);
    const row = await this.s.ready(actor, id);
    const plan = row.plan;
    if (!plan.jobs[move.job]?.operations[move.op])
      throw new NotFoundError("operation", `${move.job}:${move.op}`);
    const next = applyMove(plan, metaOf(row), row.operations, new Set(row.locked), move);
    const history = [...row.history, row.operations].slice(-UNDO_DEPTH);
    const kpis = scenarioKpis(plan, metaOf(row), next, row.kpis?.stopReason ?? null);
    const out = await new SchedulingRepository(this.s.db).update(actor.orgId, id, {
      operations: next,
      history,
      kpis,
      updatedAt: this.now(),
    });
    return toDetail(out!);
  }

  async lock(actor: Actor, id: string, body: z.infer<typeof lockOperationSchema>): Promise<ScenarioDetail> {
    this.s.assert(actor, true);
    const row = await this.s.ready(actor, id);
    if (!row.operations.some((o) => o.job === body.job && o.op === body.op))
      throw new NotFoundError("operation", `${body.job}:${body.op}`);
    const key = opKey(body.job, body.op);
    const locked = new Set(row.locked);
    if (body.locked) locked.add(key);
    else locked.delete(key);
    const out = await new SchedulingRepository(this.s.db).update(actor.orgId, id, {
      locked: [...locked].sort(),
      updatedAt: this.now(),
    });
    return toDetail(out!);
  }

  async undo(actor: Actor, id: string): Promise<ScenarioDetail> {
    this.s.assert(actor, true);
    const row = await this.s.ready(actor, id);
    const previous = row.history.at(-1);
    if (!previous) throw new ConflictError("nothing to undo");
    const out = await new SchedulingRepository(this.s.db).update(actor.orgId, id, {
      operations: previous,
      history: row.history.slice(0, -1),
      kpis: scenarioKpis(row.plan, metaOf(row), previous, row.kpis?.stopReason ?? null),
      updatedAt: this.now(),
    });
    return toDetail(out!);
  }

  /** Machine down from…to: a new scenario repaired by right-shift, with what moved and the tardiness change. */
  async disturb(actor: Actor, id: string, body: z.infer<typeof disturbanceSchema>): Promise<RepairResult> {
    this.s.assert(actor, true);
    const row = await this.s.ready(actor, id);
    const meta = metaOf(row);
    const machine = meta.machines.findIndex((m) => m.code === body.machine);
    if (machine < 0) throw ValidationError.field("machine", `unknown machine "${body.machine}"`);
    const start = Math.max(0, minutesOf(meta.origin, body.from));
    const end = minutesOf(meta.origin, body.to);
    if (end <= 0) throw ValidationError.field("to", `must be after the plan starts (${meta.origin})`);
    const outcome = repairSchedule(row.plan, row.operations, { machine, start, end }, new Set(row.locked));
    const kpis = scenarioKpis(outcome.plan, meta, outcome.operations, "repair");
    const inserted = await new SchedulingRepository(this.s.db).insert({
      orgId: actor.orgId,
      id: randomUUID(),
      name: `${row.name} · ${body.machine} ${body.from.replace("T", " ")}–${body.to.replace("T", " ")}`.slice(
        0,
        100,
      ),
      objective: row.objective,
      timeLimitSeconds: 0,
      status: "ready",
      parentId: row.id,
      origin: row.origin,
      plan: outcome.plan,
      meta,
      operations: outcome.operations,
      kpis,
      locked: row.locked,
      affected: outcome.affected,
      createdBy: actor.userId,
      createdAt: this.now(),
      updatedAt: this.now(),
    });
    return {
      scenario: toSummary(inserted),
      affected: outcome.affected.length,
      moved: outcome.moved.map((i) => {
        const o = outcome.operations[i];
        const job = meta.jobs[o.job];
        return {
          orderNo: job.orderNo,
          seq: job.operations[o.op].seq,
          fromStart: row.operations[i].start,
          toStart: o.start,
        };
      }),
      tardinessBefore: row.kpis?.totalTardiness ?? 0,
      tardinessAfter: kpis.totalTardiness,
    };
  }

  /** Capable-to-promise against the published plan (or the newest ready scenario, or empty capacity). */
  async promise(actor: Actor, body: { item: string; quantity: number }): Promise<PromiseResult> {
    this.s.assert(actor, false);
    const db = this.s.db;
    const repo = new SchedulingRepository(db);
    const base =
      (await repo.findPublished(actor.orgId)) ??
      (await Promise.all((await repo.list(actor.orgId)).map((r) => this.s.settle(r)))).find(
        (r) => r.status === "ready",
      );
    const data = await this.s.masterData(actor.orgId);
    const origin = base?.origin ?? factoryToday(this.now());
    const fresh = buildPlan({ ...data, orders: [] }, origin, "weightedTardiness");
    const plan = base?.plan ?? fresh.plan;
    const meta = base ? metaOf(base) : fresh.meta;
    const ops: ScheduledOperation[] = base?.operations ?? [];
    const steps = routingSteps(data.routings, body.item);
    if (steps.length === 0) throw new NotFoundError("routing of item", body.item);
    const machineIdx = new Map(meta.machines.map((m, i) => [m.code, i]));
    const promiseSteps = steps.map(([seq, alts]) => ({
      seq,
      alternatives: alts.flatMap((r) => {
        const m = machineIdx.get(r.machine);
        return m === undefined ? [] : [{ machine: m, duration: stepMinutes(r, body.quantity) }];
      }),
    }));
    const empty = promiseSteps.find((s) => s.alternatives.length === 0);
    if (empty) throw new ConflictError(`step ${empty.seq} of ${body.item} names no machine of the plan`);
    const longest = meta.windows.map((w) => w.reduce((m, iv) => Math.max(m, iv.end - iv.start), 0));
    const tooLong = promiseSteps.find((s) => s.alternatives.every((a) => a.duration > longest[a.machine]));
    if (tooLong)
      throw new ConflictError(
        `step ${tooLong.seq} of ${body.quantity} × ${body.item} needs longer than any working window of its machines; split the order`,
      );
    const family = Math.max(0, meta.families.indexOf(steps[0][1][0].family));
    const material = await this.materialReady(actor.orgId, origin, body.item, body.quantity);
    const placed = insertOrder(plan, ops, promiseSteps, family, material.ready);
    const finish = placed[placed.length - 1].end;
    if (finish > HORIZON_DAYS * DAY_MIN)
      throw new ConflictError(
        `${body.quantity} × ${body.item} cannot be complete within ${HORIZON_DAYS} days`,
      );
    const date = addDays(origin, Math.max(0, Math.ceil(finish / DAY_MIN) - 1));
    const worst = placed.reduce((a, b) => (b.queued > a.queued ? b : a));
    const code = (m: number) => meta.machines[m].code;
    const binding: PromiseResult["binding"] =
      worst.queued > 0
        ? {
            kind: "machine",
            code: code(worst.machine),
            reason: `step ${worst.seq} waits ${Math.round(worst.queued / 60)} h for ${code(worst.machine)}, busy with planned orders`,
          }
        : material.ready > 0
          ? {
              kind: "material",
              code: material.code,
              reason: `${material.code} is short until ${wallClock(origin, material.ready).slice(0, 10)}`,
            }
          : {
              kind: "routing",
              code: body.item,
              reason: "free capacity: the routing's run time and shifts decide",
            };
    return {
      item: body.item,
      quantity: body.quantity,
      date,
      finish,
      materialReady: material.ready,
      binding,
      scenarioId: base?.id ?? null,
      operations: placed.map((p) => ({ seq: p.seq, machine: code(p.machine), start: p.start, end: p.end })),
    };
  }

  /** When the components of `qty` × item are on hand: stock, then open orders by due date, then lead time. */
  private async materialReady(orgId: string, origin: string, item: string, qty: number) {
    const rows = await new PlanningRepository(this.s.db).listMany(orgId, [
      "bom",
      "stock",
      "open-orders",
      "items",
    ]);
    const of = <T>(entity: "bom" | "stock" | "open-orders" | "items") =>
      rows.filter((r) => r.entity === entity).map((r) => PLANNING_DATA_SCHEMAS[entity].parse(r.data) as T);
    const bom = of<PlanningBomLine>("bom").filter(
      (b) => b.parent === item && b.effectiveFrom <= origin && (!b.effectiveTo || b.effectiveTo >= origin),
    );
    const stock = of<PlanningStock>("stock");
    const orders = of<PlanningOpenOrder>("open-orders").sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const items = new Map(of<PlanningItem>("items").map((i) => [i.code, i]));
    let ready = 0;
    let code = "";
    for (const line of bom) {
      let have = stock.filter((s) => s.item === line.component).reduce((a, s) => a + s.quantity, 0);
      const need = line.qtyPer * qty;
      let at = 0;
      if (have < need) {
        at = Number.POSITIVE_INFINITY;
        for (const o of orders.filter((x) => x.item === line.component && x.kind === "purchase")) {
          have += o.quantity;
          if (have >= need) {
            at = Math.max(0, daysBetween(origin, o.dueDate) * DAY_MIN);
            break;
          }
        }
        if (!Number.isFinite(at)) at = (items.get(line.component)?.leadTimeDays ?? 0) * DAY_MIN;
      }
      if (at > ready) {
        ready = at;
        code = line.component;
      }
    }
    return { ready, code };
  }
}
