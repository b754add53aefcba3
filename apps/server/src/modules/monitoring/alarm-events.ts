import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { NotificationOutbox } from "../notifications/notification.service.ts";
import { type AlarmRow, MonitoringRepository } from "./monitoring.repository.ts";
import type { MonitorEvent } from "./tag-monitor.ts";

export interface ApplyContext {
  orgId: string;
  tagId: string;
  tagKey: string;
  /** null: the detector (system) made the change. */
  actor: Actor | null;
  outbox: NotificationOutbox;
  now: Date;
}

/**
 * Writes alarm-machine transitions to the alarm rows in the caller's transaction: one row per
 * occurrence (excursion), each transition audited; a new alarm also becomes an in-app
 * notification to the org. Returns the ids of the rows changed and of those raised (to push live
 * and send out after commit).
 */
export async function applyAlarmEvents(
  tx: DbOrTx,
  events: readonly MonitorEvent[],
  ctx: ApplyContext,
): Promise<{ changed: Set<string>; raised: Set<string> }> {
  const repo = new MonitoringRepository(tx);
  const { orgId, tagId, now } = ctx;
  const changed = new Set<string>();
  const raised = new Set<string>();
  for (const e of events) {
    const at = new Date(e.timestamp);
    let row: AlarmRow | undefined = await repo.alarmOf(orgId, tagId, e.occurrence);
    switch (e.kind) {
      case "raised":
        if (!row) {
          row = await repo.insertAlarm({
            orgId,
            id: randomUUID(),
            tagId,
            occurrence: e.occurrence,
            priority: e.severity ?? "medium",
            state: "unack",
            active: true,
            raisedAt: at,
            value: e.value ?? null,
            score: e.score,
            sources: [...e.sources],
            updatedAt: now,
          });
        } else {
          // Raised on unshelve: the occurrence began while shelved and is still active.
          row = await repo.updateAlarm(orgId, row.id, { state: "unack", active: true, updatedAt: now });
        }
        if (row) raised.add(row.id);
        if (row)
          await ctx.outbox.add(
            tx,
            {
              orgId,
              kind: "alarm.raised",
              params: { tag: ctx.tagKey, priority: row.priority, alarmId: row.id },
              link: "/alarms",
            },
            now,
          );
        break;
      case "escalated":
        if (row)
          row = await repo.updateAlarm(orgId, row.id, {
            priority: e.severity ?? row.priority,
            state: "unack",
            score: Math.max(row.score, e.score),
            updatedAt: now,
          });
        break;
      case "returned":
      case "cleared":
        if (row)
          row = await repo.updateAlarm(orgId, row.id, {
            state: e.kind === "returned" ? "rtn_unack" : "normal",
            active: false,
            clearedAt: at,
            updatedAt: now,
          });
        break;
      case "acknowledged":
        if (row)
          row = await repo.updateAlarm(orgId, row.id, {
            state: e.state,
            acknowledgedAt: now,
            acknowledgedBy: e.by ?? null,
            updatedAt: now,
          });
        break;
      case "unshelved":
        for (const open of await repo.openAlarmsOfTag(orgId, tagId))
          if (open.shelvedUntil)
            await repo.updateAlarm(orgId, open.id, { shelvedUntil: null, updatedAt: now });
        break;
      case "shelved":
        // The service records the shelf on the alarm the operator chose (with its reason).
        continue;
    }
    if (!row) continue;
    changed.add(row.id);
    await writeAudit(
      tx,
      ctx.actor,
      {
        orgId,
        action: `alarm.${e.kind}`,
        entity: "alarm",
        entityId: row.id,
        after: { tag: ctx.tagKey, occurrence: row.occurrence, state: row.state, priority: row.priority },
      },
      now,
    );
  }
  return { changed, raised };
}
