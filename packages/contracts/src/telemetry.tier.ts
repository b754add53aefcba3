import type { TelemetryTier } from "./telemetry.contract.ts";

/** Default days each tier is kept (raw points, 1-minute and 1-hour rollups). */
export const DEFAULT_RETENTION_DAYS: Readonly<Record<TelemetryTier, number>> = {
  raw: 7,
  "1m": 90,
  "1h": 5 * 365,
};

/** Longest range answered from each tier when the tier is chosen automatically. */
export const TIER_MAX_SPAN_MS: Readonly<Record<"raw" | "1m", number>> = {
  raw: 2 * 3_600_000,
  "1m": 3 * 86_400_000,
};

/**
 * The tier a range query reads when the caller does not name one: the finest tier whose span
 * limit covers the range (≤ 2 h raw, ≤ 3 days 1-minute, else 1-hour), moving to a coarser tier
 * when the range starts before the finer tier's retention.
 */
export function chooseTier(
  fromMs: number,
  toMs: number,
  nowMs: number,
  retentionDays: Readonly<Record<TelemetryTier, number>> = DEFAULT_RETENTION_DAYS,
): TelemetryTier {
  const span = Math.max(0, toMs - fromMs);
  const kept = (tier: TelemetryTier) => fromMs >= nowMs - retentionDays[tier] * 86_400_000;
  if (span <= TIER_MAX_SPAN_MS.raw && kept("raw")) return "raw";
  if (span <= TIER_MAX_SPAN_MS["1m"] && kept("1m")) return "1m";
  return "1h";
}
