import { coverage, forecast, type MethodName, mase, smape } from "@clusterbrain/engine/forecast";
import type { M4Frequency, M4Series } from "./m4-data.ts";

/** One method's averaged M4 accuracy over a set of series. */
export interface MethodScore {
  method: string;
  smape: number;
  mase: number;
  /** Mean share of test points inside the 80% / 95% intervals. */
  coverage80: number;
  coverage95: number;
  seconds: number;
  /** How often each concrete model was chosen (for auto / ets). */
  chosen: Record<string, number>;
}

export interface Contender {
  label: string;
  method: MethodName;
  /**
   * "m4" = the M4 frequency only (the published benchmarks' setting); "data" = the data's cycles;
   * "infer" = none given, inferred per series from its values (the CLI's default).
   */
  periods: "m4" | "data" | "infer";
}

export function evaluate(
  series: readonly M4Series[],
  freq: M4Frequency,
  c: Contender,
  onSeries?: () => void,
): MethodScore {
  const t0 = performance.now();
  let s = 0;
  let m = 0;
  let c80 = 0;
  let c95 = 0;
  const chosen: Record<string, number> = {};
  for (const sr of series) {
    const period = c.periods === "infer" ? "auto" : c.periods === "m4" ? freq.m4Period : freq.periods;
    const f = forecast(sr.train, { horizon: freq.horizon, period, method: c.method });
    s += smape(sr.test, f.mean);
    m += mase(sr.train, sr.test, f.mean, freq.m4Period);
    const i80 = f.intervals.find((i) => i.level === 80);
    const i95 = f.intervals.find((i) => i.level === 95);
    if (i80) c80 += coverage(sr.test, i80.lower, i80.upper);
    if (i95) c95 += coverage(sr.test, i95.lower, i95.upper);
    // Blends are counted by kind, single models by name.
    const kind = f.method.replace(/\(.*$/s, "");
    const model = kind === "median" || kind === "weighted" ? `${kind} blend` : f.method;
    const key = f.season ? `${model}, period ${f.season.periods.join("+")}` : model;
    chosen[key] = (chosen[key] ?? 0) + 1;
    onSeries?.();
  }
  const n = series.length;
  return {
    method: c.label,
    smape: s / n,
    mase: m / n,
    coverage80: c80 / n,
    coverage95: c95 / n,
    seconds: (performance.now() - t0) / 1000,
    chosen,
  };
}
