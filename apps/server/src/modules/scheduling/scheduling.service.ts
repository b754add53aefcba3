import { randomUUID } from "node:crypto";
import {
  type createScenarioSchema,
  PLANNING_DATA_SCHEMAS,
  type PlanningEntity,
  type ScenarioDetail,
  type ScenarioLoad,
  type ScenarioSummary,
} from "@clusterbrain/contracts";
import { type ScheduledOperation, validateSchedule } from "@clusterbrain/engine/schedule";
import type { z } from "zod";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { JobRepository } from "../jobs/job.repository.ts";
import type { JobRunner } from "../jobs/job.runner.ts";
import { PlanningRepository } from "../planning/planning.repository.ts";
import { DAY_MIN } from "./scheduling.calendar.ts";
import { buildPlan, type PlanMeta, type SchedulingMasterData } from "./scheduling.instance.ts";
import { capacityLoad, scenarioKpis, setupsOf } from "./scheduling.kpis.ts";
import { opKey } from "./scheduling.moves.ts";
import { planToInstance } from "./scheduling.plan.ts";
import { type ScenarioRow, SchedulingRepository } from "./scheduling.repository.ts";

type CreateScenario = z.infer<typeof createScenarioSchema>;
const MASTER: PlanningEntity[] = ["machines", "routings", "setups", "calendar", "open-orders"];
/** The factory clock: China Standard Time, UTC+8, no daylight saving. */
const FACTORY_OFFSET_MS = 8 * 3_600_000;

export function factoryToday(now: Date): string {
  return new Date(now.getTime() + FACTORY_OFFSET_MS).toISOString().slice(0, 10);
}

export function metaOf(row: ScenarioRow): PlanMeta {
  return row.meta as PlanMeta;
}

export function toSummary(row: ScenarioRow): ScenarioSummary {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    timeLimitSeconds: row.timeLimitSeconds,
    status: row.status,
    jobId: row.jobId,
    parentId: row.parentId,
    published: row.published,
    origin: row.origin,
    kpis: row.kpis ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDetail(row: ScenarioRow): ScenarioDetail {
  const meta = metaOf(row);
  const ops = row.operations ?? [];
  const setups = setupsOf(row.plan, ops);
  const locked = new Set(row.locked);
  const affected = new Set(row.affected);
  const until = ops.reduce((m, o) => Math.max(m, o.end), 0) + 14 * DAY_MIN;
  return {
    ...toSummary(row),
    machines: meta.machines,
    jobs: meta.jobs,
    skipped: meta.skipped,
    operations: ops.map((o, i) => ({
      ...o,
      setup: setups[i],
      locked: locked.has(opKey(o.job, o.op)),
      affected: affected.has(opKey(o.job, o.op)),
    })),
    downtime: row.plan.unavailable.map((list) => list.filter((iv) => iv.start < until)),
    canUndo: row.history.length > 0,
  };
}

/** Reads the job's result into operations; anything else is not a schedule. */
function operationsOf(result: unknown): { ops: ScheduledOperation[]; stopReason: string | null } | null {
  if (!result || typeof result !== "object" || !("operations" in result)) return null;
  const ops = (result as { operations: unknown }).operations;
  if (!Array.isArray(ops)) return null;
  const stop = (result as { stopReason?: unknown }).stopReason;
  return { ops: ops as ScheduledOperation[], stopReason: typeof stop === "string" ? stop : null };
}

/** Scheduling scenarios of the actor's org: solve as a job, compare, publish. */
export class SchedulingService {
  constructor(
    readonly db: Database,
    private readonly runner: JobRunner,
    private readonly now: () => Date,
  ) {}

  assert(actor: Actor, write: boolean): void {
    policy.assert(actor, write ? "planning.write" : "planning.read", { kind: "org", orgId: actor.orgId });
  }

  async masterData(orgId: string): Promise<SchedulingMasterData & { rows: number }> {
    const rows = await new PlanningRepository(this.db).listMany(orgId, MASTER);
    const parse = <E extends PlanningEntity>(entity: E) =>
      rows
        .filter((r) => r.entity === entity)
        .map(
          (r) => PLANNING_DATA_SCHEMAS[entity].parse(r.data) as z.infer<(typeof PLANNING_DATA_SCHEMAS)[E]>,
        );
    return {
      machines: parse("machines"),
      routings: parse("routings"),
      setups: parse("setups"),
      calendar: parse("calendar"),
      orders: parse("open-orders"),
      rows: rows.length,
    };
  }

  async create(actor: Actor, body: CreateScenario): Promise<ScenarioSummary> {
    this.assert(actor, true);
    const data = await this.masterData(actor.orgId);
    if (data.machines.length === 0)
      throw new ConflictError("no machines yet: import machines and routings under master data first");
    const origin = factoryToday(this.now());
    const { plan, meta } = buildPlan(data, origin, body.objective);
    if (plan.jobs.length === 0) {
      const why = meta.skipped.length
        ? ` (${meta.skipped.map((s) => `${s.orderNo}: ${s.reason}`).join("; ")})`
        : "";
      throw new ConflictError(`no open production order can be scheduled${why}`);
    }
    const repo = new SchedulingRepository(this.db);
    const id = randomUUID();
    await repo.insert({
      orgId: actor.orgId,
      id,
      name: body.name,
      objective: body.objective,
      timeLimitSeconds: body.timeLimitSeconds,
      status: "running",
      origin,
      plan,
      meta,
      createdBy: actor.userId,
      createdAt: this.now(),
      updatedAt: this.now(),
    });
    try {
      const job = await this.runner.submit(actor.orgId, actor.userId, "schedule", {
        instance: { source: "plan", plan },
        objective: body.objective === "makespan" ? "makespan" : "weightedTardiness",
        timeLimitSeconds: body.timeLimitSeconds,
        seed: body.seed,
      });
      const row = await repo.update(actor.orgId, id, { jobId: job.id });
      return toSummary(row!);
    } catch (err) {
      await repo.delete(actor.orgId, id);
      throw err;
    }
  }

  /** A running scenario takes its job's outcome once the job has finished (checked by the validator). */
  async settle(row: ScenarioRow): Promise<ScenarioRow> {
    if (row.status !== "running" || !row.jobId) return row;
    const job = await new JobRepository(this.db).find(row.jobId);
    if (!job || job.status === "queued" || job.status === "running") return row;
    const repo = new SchedulingRepository(this.db);
    const got = operationsOf(job.result);
    let patch: Parameters<SchedulingRepository["update"]>[2];
    if (got) {
      const report = validateSchedule(planToInstance(row.plan), { operations: got.ops });
      patch = report.valid
        ? {
            status: "ready",
            operations: got.ops,
            kpis: scenarioKpis(row.plan, metaOf(row), got.ops, got.stopReason),
          }
        : { status: "failed", error: `the schedule failed validation: ${report.violations[0].message}` };
    } else if (job.status === "cancelled")
      patch = { status: "cancelled", error: "cancelled before a schedule" };
    else patch = { status: "failed", error: job.error?.message ?? `the job ended ${job.status}` };
    return (await repo.update(row.orgId, row.id, { ...patch, updatedAt: this.now() })) ?? row;
  }

  async row(actor: Actor, id: string): Promise<ScenarioRow> {
    const row = await new SchedulingRepository(this.db).find(actor.orgId, id);
    if (!row) throw new NotFoundError("scenario", id);
    return this.settle(row);
  }

  async ready(actor: Actor, id: string): Promise<ScenarioRow & { operations: ScheduledOperation[] }> {
    const row = await this.row(actor, id);
    if (row.status !== "ready" || !row.operations)
      throw new ConflictError(`scenario ${row.name} has no schedule yet (${row.status})`);
    return row as ScenarioRow & { operations: ScheduledOperation[] };
  }

  async list(actor: Actor): Promise<{ items: ScenarioSummary[] }> {
    this.assert(actor, false);
    const rows = await new SchedulingRepository(this.db).list(actor.orgId);
    const settled = await Promise.all(rows.map((r) => this.settle(r)));
    return { items: settled.map(toSummary) };
  }

  async get(actor: Actor, id: string): Promise<ScenarioDetail> {
    this.assert(actor, false);
    return toDetail(await this.row(actor, id));
  }

  async load(actor: Actor, id: string): Promise<ScenarioLoad> {
    this.assert(actor, false);
    const row = await this.ready(actor, id);
    return capacityLoad(row.plan, metaOf(row), row.operations, metaOf(row).windows);
  }

  async publish(actor: Actor, id: string): Promise<ScenarioSummary> {
    this.assert(actor, true);
    await this.ready(actor, id);
    const at = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new SchedulingRepository(tx);
      const before = await repo.findPublished(actor.orgId);
      await repo.unpublishAll(actor.orgId);
      const row = await repo.update(actor.orgId, id, { published: true, updatedAt: at });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "scheduling.publish",
          entity: "scheduling.scenario",
          entityId: id,
          before: before ? { published: before.id } : undefined,
          after: { published: id, kpis: row?.kpis },
        },
        at,
      );
      return toSummary(row!);
    });
  }

  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    this.assert(actor, true);
    const row = await this.row(actor, id);
    if (row.published) throw new ConflictError("the published plan cannot be deleted; publish another first");
    if (row.status === "running" && row.jobId) await this.runner.cancel(row.jobId);
    await new SchedulingRepository(this.db).delete(actor.orgId, id);
    return { ok: true };
  }
}
