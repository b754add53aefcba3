import {
  type EtsParams,
  type EtsRun,
  type EtsSpec,
  etsFilter,
  etsPoint,
  etsSd,
  initialStates,
  specName,
} from "./ets-core.ts";
import { type Minimum, nelderMead } from "./optimize.ts";
import type { PointForecast } from "./types.ts";

export type { EtsSpec } from "./ets-core.ts";

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  run: EtsRun;
  /** Number of estimated quantities counted by AICc (parameters, initial states and σ). */
  k: number;
  aicc: number;
}

const A_LO = 1e-4;
const A_HI = 0.9999;
const PHI_LO = 0.8;
const PHI_HI = 0.98;

/** Fits one ETS model by maximum likelihood: smoothing parameters and l0, b0 by Nelder–Mead. */
export function fitEts(y: readonly number[], spec: EtsSpec): EtsFit {
  const trend = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const seasonal = spec.season !== "N";
  const init = initialStates(y, spec);
  const unpack = (x: readonly number[]): EtsParams => {
    let i = 0;
    const alpha = x[i++];
    const beta = trend ? x[i++] : 0;
    const gamma = seasonal ? x[i++] : 0;
    const phi = damped ? x[i++] : 1;
    const l0 = x[i++];
    const b0 = trend ? x[i++] : 0;
    return { alpha, beta, gamma, phi, l0, b0, s0: init.s0 };
  };
  const admissible = (p: EtsParams): boolean =>
    p.alpha >= A_LO &&
    p.alpha <= A_HI &&
    (!trend || (p.beta >= 1e-4 && p.beta <= p.alpha)) &&
    (!seasonal || (p.gamma >= 1e-4 && p.gamma <= 1 - p.alpha)) &&
    (!damped || (p.phi >= PHI_LO && p.phi <= PHI_HI));
  const objective = (x: number[]): number => {
    const p = unpack(x);
    return admissible(p) ? etsFilter(y, spec, p).minus2LogLik : Number.POSITIVE_INFINITY;
  };
  // Three starts for the smoothing parameters (slow, medium, fast adaptation): a likelihood
  // with 20+ seasonal states has several local optima and one start often lands in a poor one.
  const scale = Math.max(Math.abs(init.l0), 1e-6);
  const starts = [
    [seasonal ? 0.2 : 0.3, 0.03, 0.05],
    [0.8, 0.3, 0.1],
    [0.05, 0.01, 0.3],
  ];
  const build = ([a, b, g]: number[]): { x0: number[]; step: number[] } => {
    const slots: [number, number, boolean][] = [
      [a, 0.1, true],
      [b, 0.02, trend],
      [g, 0.03, seasonal],
      [0.95, 0.02, damped],
      [init.l0, 0.1 * scale, true],
      [init.b0, 0.02 * scale + Math.abs(init.b0) * 0.2, trend],
    ];
    const used = slots.filter(([, , on]) => on);
    return { x0: used.map(([v]) => v), step: used.map(([, st]) => st) };
  };
  const tries = starts.map((s0) => {
    const { x0, step } = build(s0);
    return { min: nelderMead(objective, x0, { step, maxIterations: 150 }), step };
  });
  const first = tries.reduce((a, b) => (b.min.value < a.min.value ? b : a));
  let best: Minimum = first.min;
  const bestStep = first.step;
  // Polish the best start, then restart once from its optimum (a common remedy for NM's
  // premature simplex collapse).
  const polished = nelderMead(objective, best.x, { step: bestStep, maxIterations: 400 });
  if (polished.value <= best.value) best = polished;
  const again = nelderMead(objective, best.x, { step: bestStep.map((v) => v / 2), maxIterations: 200 });
  if (again.value < best.value) best = again;
  const params = unpack(best.x);
  const run = etsFilter(y, spec, params);
  const k = best.x.length + (seasonal ? spec.period - 1 : 0) + 1;
  const n = y.length;
  const aicc =
    run.minus2LogLik + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY);
  return { spec, params, run, k, aicc };
}

export function etsForecast(fit: EtsFit, horizon: number): PointForecast {
  const mean = etsPoint(fit.spec, fit.params.phi, fit.run, horizon);
  return { method: specName(fit.spec), mean, sd: etsSd(fit.spec, fit.params, fit.run.sigma2, mean) };
}

/** The models considered by automatic selection (Hyndman's default set: no A-error with M-season). */
export function candidateSpecs(y: readonly number[], period: number): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasons: EtsSpec["season"][] =
    period > 1 && period <= 52 && y.length >= 2 * period + 2 ? ["N", "A", "M"] : ["N"];
  const specs: EtsSpec[] = [];
  for (const error of positive ? (["A", "M"] as const) : (["A"] as const))
    for (const trend of ["N", "A", "Ad"] as const)
      for (const season of seasons) {
        if (season === "M" && (!positive || error === "A")) continue;
        const k = 2 + (trend === "N" ? 0 : 2) + (trend === "Ad" ? 1 : 0) + (season === "N" ? 0 : period);
        if (y.length < k + 4) continue;
        specs.push({ error, trend, season, period });
      }
  return specs;
}

/** Fits every candidate and keeps the smallest AICc. */
export function autoEts(y: readonly number[], period: number): EtsFit {
  let best: EtsFit | null = null;
  for (const spec of candidateSpecs(y, period)) {
    const fit = fitEts(y, spec);
    if (Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best ?? fitEts(y, { error: "A", trend: "N", season: "N", period: 1 });
}
