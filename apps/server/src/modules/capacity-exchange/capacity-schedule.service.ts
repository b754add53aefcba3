import { randomUUID } from "node:crypto";
import type {
  CapacityOffer,
  CapacityProcess,
  ScheduleIdle,
  ScheduleOfferCreate,
} from "@clusterbrain/contracts";
import { idleCapacity, type Span } from "@clusterbrain/engine/exchange";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { addDays, DAY_MIN, daysBetween, weekday } from "../scheduling/scheduling.calendar.ts";
import { setupsOf } from "../scheduling/scheduling.kpis.ts";
import { SchedulingRepository } from "../scheduling/scheduling.repository.ts";
import { factoryToday, metaOf } from "../scheduling/scheduling.service.ts";
import { toOffer } from "./capacity-exchange.mappers.ts";
import { CapacityExchangeRepository } from "./capacity-exchange.repository.ts";

/** The most weeks ahead idle hours are shown and offered for. */
export const MAX_IDLE_WEEKS = 12;

/** The exchange process a work centre code most likely sells, or null when the code does not say. */
export function processOfWorkCentre(code: string): CapacityProcess | null {
  const c = code.toUpperCase();
  if (c.includes("SMT")) return "smt";
  if (c.includes("WIND")) return "winding";
  if (/MOL|MOUL|PRESS/.test(c)) return "moulding";
  if (/STERIL|EO/.test(c)) return "sterilisation";
  if (/TEST|ICT|AOI|QC/.test(c)) return "testing";
  return null;
}

/** Idle machine-hours of a firm's published schedule, and offers made from them. */
export class CapacityScheduleService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async idle(actor: Actor, weeks: number): Promise<ScheduleIdle & { scenarioId: string | null }> {
    policy.assert(actor, "planning.read", { kind: "org", orgId: actor.orgId });
    const row = await new SchedulingRepository(this.db).findPublished(actor.orgId);
    if (!row?.operations) return { scenario: null, scenarioId: null, weeks: [], items: [] };
    const meta = metaOf(row);
    const ops = row.operations;
    const setups = setupsOf(row.plan, ops);
    const today = factoryToday(this.now());
    // The later of today and the plan origin (ISO dates sort as strings).
    const start = [today, meta.origin].sort()[1];
    const monday = addDays(start, 1 - weekday(start));
    const startMin = daysBetween(meta.origin, start) * DAY_MIN;
    const weekStarts = Array.from({ length: weeks }, (_, w) => addDays(monday, 7 * w));
    const buckets: Span[] = weekStarts.map((d) => {
      const a = daysBetween(meta.origin, d) * DAY_MIN;
      return { start: Math.max(a, startMin), end: a + 7 * DAY_MIN };
    });
    const groups = idleCapacity(
      meta.machines.map((m, i) => ({
        group: m.workCentre,
        windows: meta.windows[i] ?? [],
        busy: ops.flatMap((o, k) => (o.machine === i ? [{ start: o.start - setups[k], end: o.end }] : [])),
      })),
      buckets,
    );
    const offered = new Map<string, number>();
    for (const o of await new CapacityExchangeRepository(this.db).scheduleOffered(actor.orgId))
      offered.set(`${o.workCentre}|${o.availableFrom}`, Number(o.hours));
    return {
      scenario: { id: row.id, name: row.name },
      scenarioId: row.id,
      weeks: weekStarts,
      items: groups.map((g) => ({
        workCentre: g.group,
        process: processOfWorkCentre(g.group),
        machines: g.machines,
        weeks: g.buckets.map((b, w) => {
          const idleHours = Math.floor(b.idle / 60);
          const offeredHours = offered.get(`${g.group}|${weekStarts[w]}`) ?? 0;
          return {
            weekStart: weekStarts[w],
            capacityHours: Math.floor(b.capacity / 60),
            idleHours,
            offeredHours,
            offerableHours: Math.max(0, idleHours - offeredHours),
          };
        }),
      })),
    };
  }

  /** Offers idle hours of one work centre and week: never more than is idle and not yet offered (409). */
  async offer(actor: Actor, input: ScheduleOfferCreate): Promise<CapacityOffer> {
    policy.assert(actor, "capacity.trade", { kind: "org", orgId: actor.orgId });
    const idle = await this.idle(actor, MAX_IDLE_WEEKS);
    if (!idle.scenarioId)
      throw new ConflictError("publish a schedule first: idle hours come from the published plan");
    const week = idle.weeks.indexOf(input.weekStart);
    if (week < 0)
      throw ValidationError.field(
        "weekStart",
        `must be the Monday of one of the next ${MAX_IDLE_WEEKS} weeks`,
      );
    const centre = idle.items.find((i) => i.workCentre === input.workCentre);
    if (!centre)
      throw ValidationError.field(
        "workCentre",
        `no work centre ${input.workCentre} in the published schedule`,
      );
    const cell = centre.weeks[week];
    if (input.hours > cell.offerableHours)
      throw new ConflictError(
        `only ${cell.offerableHours} idle hours of ${input.workCentre} in the week of ${input.weekStart} are left to offer`,
        { reason: "NOT_IDLE" },
      );
    const id = randomUUID();
    const now = this.now();
    const values = {
      orgId: actor.orgId,
      id,
      process: input.process,
      hoursTotal: input.hours,
      hoursBooked: 0,
      pricePerHour: input.pricePerHour,
      certifications: input.certifications,
      leadTimeDays: input.leadTimeDays,
      source: "schedule",
      workCentre: input.workCentre,
      availableFrom: input.weekStart,
      availableTo: addDays(input.weekStart, 6),
      scenarioId: idle.scenarioId,
      createdAt: now,
    };
    await this.db.transaction(async (tx) => {
      await new CapacityExchangeRepository(tx).insertOffer(values);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "capacity.offer",
          entity: "capacity.offer",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    const [row] = await new CapacityExchangeRepository(this.db).offers({ id });
    return toOffer(row);
  }
}
