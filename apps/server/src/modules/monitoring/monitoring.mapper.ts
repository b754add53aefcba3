import type { Alarm, AlarmComment, Detector } from "@clusterbrain/contracts";
import type { AlarmView, CommentRow, DetectorRow, TagInfo } from "./monitoring.repository.ts";
import type { DetectorSummary } from "./tag-monitor.ts";

export const DEFAULT_TARGET_ARL = 10_000;

export function toAlarm(r: AlarmView, now: Date): Alarm {
  return {
    id: r.id,
    tagId: r.tagId,
    tagKey: r.tagKey,
    unit: r.unit,
    deviceId: r.deviceId,
    occurrence: r.occurrence,
    priority: r.priority,
    state: r.state,
    active: r.active,
    // An expired shelf is no shelf: it lapses by itself.
    shelvedUntil: r.shelvedUntil && r.shelvedUntil > now ? r.shelvedUntil.toISOString() : null,
    raisedAt: r.raisedAt.toISOString(),
    clearedAt: r.clearedAt?.toISOString() ?? null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: r.acknowledgedBy,
    value: r.value,
    score: r.score,
    sources: r.sources,
    comments: r.comments,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toComment(r: CommentRow): AlarmComment {
  return {
    id: r.id,
    alarmId: r.alarmId,
    userId: r.userId,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toDetector(tag: TagInfo, d: DetectorRow | null): Detector {
  const report = (d?.report ?? null) as DetectorSummary | null;
  return {
    tagId: tag.id,
    tagKey: tag.key,
    unit: tag.unit,
    deviceId: tag.deviceId,
    status: d?.status ?? "learning",
    targetArl: d?.targetArl ?? DEFAULT_TARGET_ARL,
    chosen: report?.chosen ?? null,
    expectedArl: report?.expectedArl ?? null,
    expectedFalseAlarmsPer10k: report?.expectedFalseAlarmsPer10k ?? null,
    learnedPoints: d?.learnedPoints ?? 0,
    sources: report?.sources ?? [],
    message: d?.message ?? null,
    updatedAt: d?.updatedAt.toISOString() ?? null,
  };
}
