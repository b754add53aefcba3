/**
 * Alarm-system performance (EEMUA 191 / ISA-18.2 key figures): the alarm rate per operator-hour
 * and its EEMUA band, alarm floods (≥ 10 alarms per operator in 10 minutes), the top bad actors,
 * and chattering tags (≥ 3 raises within 60 s) with a suggested dead-band and on/off delays.
 * Pure: the caller hands the alarms of the window.
 */

export interface FloodAlarm {
  tagId: string;
  /** ms since the epoch. */
  raisedAt: number;
  clearedAt: number | null;
  value: number | null;
}

export type EemuaRateBand = "very_likely_acceptable" | "manageable" | "over_demanding" | "unacceptable";

/**
 * EEMUA 191 (3rd ed.), average alarm rate per operator in steady operation: 1 per 10 min (6/h)
 * very likely acceptable, 1 per 5 min (12/h) manageable, 1 per 2 min (30/h) likely over-demanding,
 * more is very likely unacceptable.
 */
export const EEMUA_RATE_LIMITS = { veryLikelyAcceptable: 6, manageable: 12, overDemanding: 30 } as const;
/** ISA-18.2: more than 10 alarms per operator in 10 minutes is an alarm flood. */
export const FLOOD_PER_10_MINUTES = 10;
/** Chattering: this many raises of one tag within this window. */
export const CHATTER_RAISES = 3;
export const CHATTER_WINDOW_MS = 60_000;
/** ISA-18.2 / EEMUA recommended delay steps (s). */
const DELAY_STEPS = [5, 10, 15, 30, 60, 120, 300] as const;

export function eemuaBand(perOperatorHour: number): EemuaRateBand {
  if (perOperatorHour <= EEMUA_RATE_LIMITS.veryLikelyAcceptable) return "very_likely_acceptable";
  if (perOperatorHour <= EEMUA_RATE_LIMITS.manageable) return "manageable";
  if (perOperatorHour <= EEMUA_RATE_LIMITS.overDemanding) return "over_demanding";
  return "unacceptable";
}

export interface ChatterFinding {
  tagId: string;
  raises: number;
  maxIn60s: number;
  medianActiveSeconds: number | null;
  medianGapSeconds: number | null;
  suggestedOnDelaySeconds: number;
  suggestedOffDelaySeconds: number;
  suggestedDeadband: number | null;
}

export interface FloodAnalysis {
  total: number;
  perOperatorHour: number;
  band: EemuaRateBand;
  peakHour: number;
  peak10Minutes: number;
  floodIntervals: number;
  floodShare: number;
  /** Per operator, per hour from `from`. */
  hourly: { start: number; count: number }[];
  badActors: { tagId: string; count: number; share: number }[];
  chattering: ChatterFinding[];
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The smallest recommended delay step longer than `seconds` (the longest step when none is). */
export function delayStep(seconds: number | null): number {
  if (seconds === null) return DELAY_STEPS[0];
  return DELAY_STEPS.find((s) => s > seconds) ?? DELAY_STEPS[DELAY_STEPS.length - 1];
}

/** Most raises inside any window of `windowMs` (times sorted ascending). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function chatterOf(tagId: string, alarms: readonly FloodAlarm[]): ChatterFinding | null {
  const sorted = [...alarms].sort((a, b) => a.raisedAt - b.raisedAt);
  const times = sorted.map((a) => a.raisedAt);
  const maxIn60s = maxInWindow(times, CHATTER_WINDOW_MS);
  if (maxIn60s < CHATTER_RAISES) return null;
  const active: number[] = [];
  const gaps: number[] = [];
  sorted.forEach((a, i) => {
    if (a.clearedAt !== null) {
      active.push(Math.max(0, a.clearedAt - a.raisedAt) / 1000);
      const next = sorted[i + 1];
      if (next) gaps.push(Math.max(0, next.raisedAt - a.clearedAt) / 1000);
    }
  });
  const medianActiveSeconds = median(active);
  const medianGapSeconds = median(gaps);
  // The dead-band must cover the noise the reading crosses the limit with: the spread (IQR) of
  // the raising readings, at least 1 % of their typical magnitude.
  const values = sorted.flatMap((a) => (a.value === null || !Number.isFinite(a.value) ? [] : [a.value]));
  let suggestedDeadband: number | null = null;
  if (values.length >= 2) {
    const s = [...values].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
    const spread = q(0.75) - q(0.25);
    const typical = Math.abs(median(s) ?? 0);
    const raw = Math.max(spread, 0.01 * typical);
    suggestedDeadband = raw > 0 ? Number(raw.toPrecision(2)) : null;
  }
  return {
    tagId,
    raises: sorted.length,
    maxIn60s,
    medianActiveSeconds,
    medianGapSeconds,
    suggestedOnDelaySeconds: delayStep(medianActiveSeconds),
    suggestedOffDelaySeconds: delayStep(medianGapSeconds),
    suggestedDeadband,
  };
}

/** Analyses the alarms raised in [from, to) for `operators` consoles sharing them. */
export function analyseAlarmFlood(
  alarms: readonly FloodAlarm[],
  from: number,
  to: number,
  operators = 1,
): FloodAnalysis {
  const inWindow = alarms.filter((a) => a.raisedAt >= from && a.raisedAt < to);
  const hours = Math.max(1, Math.ceil((to - from) / 3_600_000));
  const tenMinutes = Math.max(1, Math.ceil((to - from) / 600_000));
  const hourly = Array.from({ length: hours }, (_, i) => ({ start: from + i * 3_600_000, count: 0 }));
  const per10 = new Array<number>(tenMinutes).fill(0);
  const byTag = new Map<string, FloodAlarm[]>();
  for (const a of inWindow) {
    hourly[Math.floor((a.raisedAt - from) / 3_600_000)].count++;
    per10[Math.floor((a.raisedAt - from) / 600_000)]++;
    const list = byTag.get(a.tagId) ?? [];
    if (list.length === 0) byTag.set(a.tagId, list);
    list.push(a);
  }
  const total = inWindow.length;
  const perOperatorHour = total / hours / operators;
  const floodIntervals = per10.filter((n) => n / operators >= FLOOD_PER_10_MINUTES).length;
  const badActors = [...byTag]
    .map(([tagId, list]) => ({ tagId, count: list.length, share: total > 0 ? list.length / total : 0 }))
    .sort((a, b) => b.count - a.count || a.tagId.localeCompare(b.tagId))
    .slice(0, 10);
  const chattering = [...byTag]
    .flatMap(([tagId, list]) => {
      const c = chatterOf(tagId, list);
      return c ? [c] : [];
    })
    .sort((a, b) => b.maxIn60s - a.maxIn60s || b.raises - a.raises || a.tagId.localeCompare(b.tagId));
  return {
    total,
    perOperatorHour,
    band: eemuaBand(perOperatorHour),
    peakHour: Math.max(0, ...hourly.map((h) => h.count)) / operators,
    peak10Minutes: Math.max(0, ...per10) / operators,
    floodIntervals,
    floodShare: floodIntervals / tenMinutes,
    hourly: hourly.map((h) => ({ start: h.start, count: h.count / operators })),
    badActors,
    chattering,
  };
}
