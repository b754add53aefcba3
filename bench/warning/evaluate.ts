// Runs one detector over one synthetic stream and scores it against the injected fault.
import {
  createDetector,
  learnWarningDetector,
  type SyntheticStream,
  type WarningOptions,
  type WarningPrimary,
} from "@clusterbrain/engine/monitor";

export const DETECTORS = ["auto", "rolling-z3", "rolling-z4", "context-nab"] as const;
export type BenchDetector = (typeof DETECTORS)[number];

/** Alarms just after a temporary fault ends are still its consequence, not false alarms. */
export const GRACE = 120;
/** A temporary fault counts as caught by an alarm up to this many points after its end. */
export const LATE = 30;

export interface StreamOutcome {
  readonly detected: boolean | null;
  readonly delay: number | null;
  readonly falseAlarms: number;
  readonly inControl: number;
  readonly chosen?: WarningPrimary;
  readonly expectedPer10k?: number;
}

export interface RunInfo {
  readonly alarms: number[];
  readonly chosen?: WarningPrimary;
  readonly expectedPer10k?: number;
}

/** Plain rolling z-score: the point against the mean and sd of the previous `w` points. */
function rollingZ(s: SyntheticStream, learn: number, limit: number, w = 60, rest = 60): number[] {
  const alarms: number[] = [];
  let quiet = 0;
  for (let i = Math.max(learn, w); i < s.values.length; i++) {
    let m = 0;
    for (let j = i - w; j < i; j++) m += s.values[j];
    m /= w;
    let v = 0;
    for (let j = i - w; j < i; j++) v += (s.values[j] - m) ** 2;
    const sd = Math.sqrt(v / (w - 1));
    const z = sd > 0 ? Math.abs(s.values[i] - m) / sd : s.values[i] === m ? 0 : Number.POSITIVE_INFINITY;
    if (quiet > 0) quiet--;
    else if (z >= limit) {
      alarms.push(i);
      quiet = rest;
    }
  }
  return alarms;
}

export function runDetector(
  name: BenchDetector,
  s: SyntheticStream,
  learn: number,
  opts: WarningOptions = {},
): RunInfo {
  if (name === "rolling-z3") return { alarms: rollingZ(s, learn, 3) };
  if (name === "rolling-z4") return { alarms: rollingZ(s, learn, 4) };
  if (name === "context-nab") {
    // NAB conventions: warm-up = probationary period (≤ 750), rest = a fifth of it, threshold 0.88.
    const probation = Math.min(750, Math.floor(0.15 * s.values.length));
    const d = createDetector("context", { warmup: probation, restPeriod: Math.floor(probation / 5) });
    const alarms: number[] = [];
    for (let i = 0; i < s.values.length; i++)
      if (d.update(s.timestamps[i], s.values[i]).flags.includes("anomaly") && i >= learn) alarms.push(i);
    return { alarms };
  }
  const d = learnWarningDetector(s.timestamps.subarray(0, learn), s.values.subarray(0, learn), opts);
  const alarms: number[] = [];
  for (let i = learn; i < s.values.length; i++)
    if (d.update(s.timestamps[i], s.values[i]).alarm) alarms.push(i);
  return { alarms, chosen: d.chosen, expectedPer10k: d.report.expectedFalseAlarmsPer10k };
}

export function scoreStream(s: SyntheticStream, learn: number, run: RunInfo): StreamOutcome {
  const n = s.values.length;
  const faulty = s.fault !== null;
  const persistent = faulty && s.faultEnd === n - 1;
  const lastCaught = persistent ? n - 1 : s.faultEnd + LATE;
  const excludedTo = persistent ? n - 1 : s.faultEnd + GRACE;
  let first = -1;
  let falseAlarms = 0;
  for (const a of run.alarms) {
    if (faulty && a >= s.faultStart && a <= lastCaught) {
      if (first < 0) first = a;
    } else if (!(faulty && a >= s.faultStart && a <= excludedTo)) falseAlarms++;
  }
  const excluded = faulty ? Math.min(n - 1, excludedTo) - s.faultStart + 1 : 0;
  return {
    detected: faulty ? first >= 0 : null,
    delay: faulty && first >= 0 ? first - s.faultStart : null,
    falseAlarms,
    inControl: n - learn - excluded,
    chosen: run.chosen,
    expectedPer10k: run.expectedPer10k,
  };
}
