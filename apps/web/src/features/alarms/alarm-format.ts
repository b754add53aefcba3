import type { Alarm, AlarmPriority, AlarmStateName } from "@clusterbrain/contracts";

/** Tag colours of the list: unacknowledged alarms stand out, closed ones recede. */
export const STATE_COLOR: Record<AlarmStateName, string> = {
  unack: "red",
  acked: "orange",
  rtn_unack: "gold",
  normal: "default",
};

export const PRIORITY_COLOR: Record<AlarmPriority, string> = {
  low: "blue",
  medium: "orange",
  high: "red",
  critical: "magenta",
};

/** What an operator may still do with an alarm. */
export function canAcknowledge(a: Pick<Alarm, "state">): boolean {
  return a.state === "unack" || a.state === "rtn_unack";
}

/**
 * Expected false alarms per 10,000 in-control points as the settings view shows it, with the
 * mean run between them: "0.45 (≈ 1 in 22,000 points)".
 */
export function falseAlarmRate(per10k: number | null, locale: string): string {
  if (per10k === null || !Number.isFinite(per10k)) return "—";
  const fmt = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  if (per10k <= 0) return fmt.format(0);
  const run = 10_000 / per10k;
  const rounded =
    run >= 1e7 ? "≥ 10,000,000" : new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(run);
  return `${fmt.format(per10k)} (≈ 1 / ${rounded})`;
}
