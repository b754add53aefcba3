// The per-tag automatic early warning on the NAB corpus: learns from each file's probationary
// part (the 15 % NAB lets a detector learn from), then scores the rest.
import {
  learnWarningDetector,
  type NabProfileName,
  nabProbationaryLength,
} from "@clusterbrain/engine/monitor";
import type { NabSeries } from "../nab/nab-data.ts";
import { type NabProfileResult, scoreCorpus } from "../nab/nab-run.ts";

export interface NabWarningResult {
  /** Alarms only (1 at each alarm, else 0): the detector at its own calibrated thresholds. */
  readonly alarms: Record<NabProfileName, NabProfileResult>;
  /** The continuous score r/(1+r) with NAB's threshold sweep (one threshold for the corpus). */
  readonly swept: Record<NabProfileName, NabProfileResult>;
  readonly chosen: Record<string, number>;
  /** Windows with at least one alarm inside, of all windows; alarms inside and outside windows. */
  readonly windowsHit: number;
  readonly windows: number;
  readonly alarmsInWindows: number;
  readonly alarmsOutside: number;
  readonly failed: string[];
  readonly seconds: number;
}

export function nabWarning(corpus: readonly NabSeries[]): NabWarningResult {
  const t0 = performance.now();
  const chosen: Record<string, number> = {};
  const failed: string[] = [];
  const alarmRuns: Float64Array[] = [];
  const scoreRuns: Float64Array[] = [];
  let windowsHit = 0;
  let windows = 0;
  let alarmsInWindows = 0;
  let alarmsOutside = 0;
  for (const s of corpus) {
    const n = s.values.length;
    const learn = nabProbationaryLength(n);
    const ts = Float64Array.from(s.timestamps, (t) => Date.parse(`${t.trim().replace(" ", "T")}Z`));
    const alarms = new Float64Array(n);
    const scores = new Float64Array(n);
    try {
      const d = learnWarningDetector(ts.subarray(0, learn), s.values.subarray(0, learn));
      chosen[d.chosen] = (chosen[d.chosen] ?? 0) + 1;
      for (let i = learn; i < n; i++) {
        const r = d.update(ts[i], s.values[i]);
        scores[i] = r.score;
        alarms[i] = r.alarm ? 1 : 0;
      }
    } catch (err) {
      // A history the baseline cannot be learned from (e.g. constant) gets no alarms.
      failed.push(`${s.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    windows += s.windows.length;
    for (const w of s.windows) if (alarms.subarray(w.start, w.end + 1).includes(1)) windowsHit++;
    alarms.forEach((a, i) => {
      if (a === 0) return;
      if (s.windows.some((w) => i >= w.start && i <= w.end)) alarmsInWindows++;
      else alarmsOutside++;
    });
    alarmRuns.push(alarms);
    scoreRuns.push(scores);
  }
  return {
    alarms: scoreCorpus(corpus, alarmRuns),
    swept: scoreCorpus(corpus, scoreRuns),
    chosen,
    windowsHit,
    windows,
    alarmsInWindows,
    alarmsOutside,
    failed,
    seconds: (performance.now() - t0) / 1000,
  };
}
