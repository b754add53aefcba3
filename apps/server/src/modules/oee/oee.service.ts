import { randomUUID } from "node:crypto";
import type {
  DowntimeRow,
  DowntimeWrite,
  LineOverviewList,
  OeeMachineSettings,
  OeeMachineSettingsView,
  OeeReport,
  OeeReportQuery,
} from "@clusterbrain/contracts";
import { combineOee } from "@clusterbrain/engine/monitor";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  effectiveIntervals,
  figures,
  type Interval,
  type MachineInput,
  type MachineResult,
  machineOee,
  paretoOf,
  periodsOf,
  shiftStartOf,
} from "./oee.calc.ts";
import type { OeeIngest } from "./oee.ingest.ts";
import { type EventRow, type MachineInfo, OeeRepository } from "./oee.repository.ts";

const DAY = 86_400_000;
const MAX_DAYS = 31;
const DOWNTIME_ROWS = 500;

const toInterval = (e: EventRow): Interval => ({
  id: e.id,
  machineId: e.machineId,
  state: e.state,
  reason: e.reason,
  start: e.startedAt.getTime(),
  end: e.endedAt?.getTime() ?? null,
  source: e.source,
  note: e.note,
});

export interface LoadedMachines {
  inputs: MachineInput[];
  /** Raw intervals as stored (open ones with end null), for the downtime table. */
  raw: Interval[];
}

/**
 * Effective intervals and counts of some machines of one org over [from, to), with the ideal cycle
 * time each uses (master data, else the ideal-cycle tag's latest reading).
 */
export async function loadMachines(
  db: DbOrTx,
  orgId: string,
  machineIds: readonly string[],
  from: number,
  to: number,
): Promise<LoadedMachines> {
  const repo = new OeeRepository(db);
  const [settings, statuses, events, counts] = await Promise.all([
    repo.settings(orgId, machineIds),
    repo.statuses(orgId, machineIds),
    repo.events(orgId, machineIds, new Date(from), new Date(to)),
    repo.counts(orgId, machineIds, new Date(from), new Date(to)),
  ]);
  const raw = events.map(toInterval);
  const effective = effectiveIntervals(raw, from, to);
  const inputs = machineIds.map((machineId) => ({
    machineId,
    idealCycleSeconds:
      settings.find((s) => s.machineId === machineId)?.idealCycleS ??
      statuses.find((s) => s.machineId === machineId)?.idealCycleS ??
      null,
    intervals: effective.filter((i) => i.machineId === machineId),
    counts: counts
      .filter((c) => c.machineId === machineId)
      .map((c) => ({ bucket: c.bucket.getTime(), good: c.good, total: c.total })),
  }));
  return { inputs, raw };
}

/** Line figures: the machines that have an ideal cycle time, combined from summed times. */
function lineFigures(
  results: readonly MachineResult[],
  pick: (r: MachineResult) => Parameters<typeof figures>[0],
) {
  const withIdeal = results.filter((r) => r.hasIdeal);
  return figures(combineOee(withIdeal.map(pick), "line", "all"), withIdeal.length > 0);
}

/** OEE of my org's lines and machines from the store; stops entered by hand; settings per machine. */
export class OeeService {
  constructor(
    private readonly db: Database,
    private readonly ingest: OeeIngest,
    private readonly now: () => Date,
  ) {}

  private read(actor: Actor): void {
    policy.assert(actor, "monitoring.read", { kind: "org", orgId: actor.orgId });
  }

  async lines(actor: Actor): Promise<LineOverviewList> {
    this.read(actor);
    const repo = new OeeRepository(this.db);
    const now = this.now().getTime();
    const shiftStart = shiftStartOf(now);
    const [lines, machines, alarms] = await Promise.all([
      repo.lines(actor.orgId),
      repo.machines(actor.orgId),
      repo.openAlarms(actor.orgId),
    ]);
    const ids = machines.map((m) => m.id);
    const [statuses, loaded] = await Promise.all([
      repo.statuses(actor.orgId, ids),
      loadMachines(this.db, actor.orgId, ids, shiftStart, now),
    ]);
    const periods = periodsOf(shiftStart, now, "shift");
    const results = new Map(loaded.inputs.map((m) => [m.machineId, machineOee(m, periods)]));
    return {
      items: lines.map((line) => {
        const mine = machines.filter((m) => m.lineId === line.id);
        const res = mine.map((m) => results.get(m.id)).filter((r): r is MachineResult => r !== undefined);
        return {
          id: line.id,
          name: line.name,
          siteId: line.siteId,
          shiftStart: new Date(shiftStart).toISOString(),
          oee: lineFigures(res, (r) => r.total).oee,
          machines: mine.map((m) => {
            const s = statuses.find((x) => x.machineId === m.id);
            const r = results.get(m.id);
            return {
              machineId: m.id,
              name: m.name,
              processType: m.processType,
              state: s?.state ?? null,
              reason: s?.reason ?? "",
              since: s?.since?.toISOString() ?? null,
              oee: r ? figures(r.total, r.hasIdeal).oee : null,
              activeAlarms: alarms.get(m.id) ?? 0,
            };
          }),
        };
      }),
    };
  }

  private range(q: Pick<OeeReportQuery, "from" | "to">): { from: number; to: number } {
    const to = q.to ? Date.parse(q.to) : this.now().getTime();
    const from = q.from ? Date.parse(q.from) : to - 7 * DAY;
    if (!(from < to)) throw ValidationError.field("from", "from must be before to");
    if (to - from > MAX_DAYS * DAY) throw ValidationError.field("from", `at most ${MAX_DAYS} days`);
    return { from, to };
  }

  async report(actor: Actor, q: OeeReportQuery): Promise<OeeReport> {
    this.read(actor);
    const { from, to } = this.range(q);
    const repo = new OeeRepository(this.db);
    const line = await repo.line(actor.orgId, q.lineId);
    if (!line) throw new NotFoundError("line", q.lineId);
    let machines: MachineInfo[] = await repo.machines(actor.orgId, line.id);
    if (q.machineId) {
      machines = machines.filter((m) => m.id === q.machineId);
      if (machines.length === 0) throw new NotFoundError("machine", q.machineId);
    }
    // Time after now is not planned yet: the figures run up to now.
    const until = Math.min(to, this.now().getTime());
    const periods = until > from ? periodsOf(from, until, q.by) : [];
    const loaded = await loadMachines(
      this.db,
      actor.orgId,
      machines.map((m) => m.id),
      from,
      Math.max(from, until),
    );
    const results = loaded.inputs.map((m) => machineOee(m, periods));
    const names = new Map(machines.map((m) => [m.id, m.name]));
    const intervals = loaded.inputs.flatMap((m) => m.intervals);
    const stops = loaded.raw
      .filter((i) => i.state !== "running")
      .sort((a, b) => b.start - a.start)
      .slice(0, DOWNTIME_ROWS);
    return {
      lineId: line.id,
      lineName: line.name,
      machineId: q.machineId ?? null,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      by: q.by,
      total: lineFigures(results, (r) => r.total),
      periods: periods.map((p, i) => ({
        start: new Date(p.start).toISOString(),
        end: new Date(p.end).toISOString(),
        shift: p.shift,
        ...lineFigures(results, (r) => r.periods[i]),
      })),
      machines: results.map((r, i) => {
        const m = machines[i];
        return {
          machineId: m.id,
          name: m.name,
          processType: m.processType,
          idealCycleSeconds: loaded.inputs[i].idealCycleSeconds,
          ...figures(r.total, r.hasIdeal),
        };
      }),
      pareto: paretoOf(intervals),
      downtime: stops.map((s) => this.downtimeRow(s, names.get(s.machineId) ?? s.machineId, from, until)),
    };
  }

  private downtimeRow(s: Interval, machineName: string, from: number, until: number): DowntimeRow {
    const end = s.end ?? until;
    const minutes = Math.max(0, Math.min(end, until) - Math.max(s.start, from)) / 60_000;
    return {
      id: s.id,
      machineId: s.machineId,
      machineName,
      state: s.state,
      reason: s.reason,
      start: new Date(s.start).toISOString(),
      end: s.end === null ? null : new Date(s.end).toISOString(),
      minutes: Math.round(minutes * 100) / 100,
      source: s.source,
      note: s.note,
    };
  }

  async addDowntime(actor: Actor, body: DowntimeWrite): Promise<DowntimeRow> {
    this.read(actor);
    const repo = new OeeRepository(this.db);
    const machine = await repo.machine(actor.orgId, body.machineId);
    if (!machine) throw new NotFoundError("machine", body.machineId);
    policy.assert(actor, "monitoring.operate", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const row = {
      orgId: actor.orgId,
      id: randomUUID(),
      machineId: machine.id,
      state: body.state,
      reason: body.reason,
      startedAt: new Date(body.start),
      endedAt: new Date(body.end),
      source: "manual" as const,
      note: body.note,
      enteredBy: actor.userId,
      createdAt: now,
    };
    await this.db.transaction(async (tx) => {
      await new OeeRepository(tx).insertEvents([row]);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "oee.downtime_recorded",
          entity: "machine",
          entityId: machine.id,
          after: { state: body.state, reason: body.reason, start: body.start, end: body.end },
        },
        now,
      );
    });
    const end = row.endedAt.getTime();
    return this.downtimeRow(toInterval(row as EventRow), machine.name, row.startedAt.getTime(), end);
  }

  private async settingsView(actor: Actor, machineId: string): Promise<OeeMachineSettingsView> {
    const repo = new OeeRepository(this.db);
    const [[s], [status]] = await Promise.all([
      repo.settings(actor.orgId, [machineId]),
      repo.statuses(actor.orgId, [machineId]),
    ]);
    return {
      machineId,
      idealCycleSeconds: s?.idealCycleS ?? null,
      stateTag: s?.stateTag ?? null,
      reasonTag: s?.reasonTag ?? null,
      goodTag: s?.goodTag ?? null,
      rejectTag: s?.rejectTag ?? null,
      totalTag: s?.totalTag ?? null,
      idealCycleTag: s?.idealCycleTag ?? null,
      effectiveIdealCycleSeconds: s?.idealCycleS ?? status?.idealCycleS ?? null,
    };
  }

  async settings(actor: Actor, machineId: string): Promise<OeeMachineSettingsView> {
    this.read(actor);
    if (!(await new OeeRepository(this.db).machine(actor.orgId, machineId)))
      throw new NotFoundError("machine", machineId);
    return this.settingsView(actor, machineId);
  }

  async putSettings(
    actor: Actor,
    machineId: string,
    body: OeeMachineSettings,
  ): Promise<OeeMachineSettingsView> {
    this.read(actor);
    if (!(await new OeeRepository(this.db).machine(actor.orgId, machineId)))
      throw new NotFoundError("machine", machineId);
    policy.assert(actor, "monitoring.configure", { kind: "org", orgId: actor.orgId });
    const before = await this.settingsView(actor, machineId);
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new OeeRepository(tx).putSettings({
        orgId: actor.orgId,
        machineId,
        idealCycleS: body.idealCycleSeconds,
        stateTag: body.stateTag,
        reasonTag: body.reasonTag,
        goodTag: body.goodTag,
        rejectTag: body.rejectTag,
        totalTag: body.totalTag,
        idealCycleTag: body.idealCycleTag,
        updatedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "oee.settings_changed",
          entity: "machine",
          entityId: machineId,
          before: { ...before },
          after: { ...body },
        },
        now,
      );
    });
    this.ingest.invalidate(actor.orgId);
    return this.settingsView(actor, machineId);
  }
}
