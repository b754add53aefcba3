import { linearFit, mean } from "./stats.ts";

/**
 * Innovations state-space exponential smoothing (Hyndman, Koehler, Ord & Snyder 2008).
 * Written in error-correction form with the raw one-step error ε = y − μ: the state updates
 * are then the same for additive and multiplicative errors, which differ only in likelihood.
 */
export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Seasonal period; ignored when season is "N". */
  period: number;
}

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
  /** Initial seasonal state per phase (phase 0 = first observation). */
  s0: readonly number[];
}

export interface EtsRun {
  /** −2·log-likelihood up to a constant shared by all models (NaN-free: Infinity if inadmissible). */
  minus2LogLik: number;
  /** Innovation variance: of ε for additive error, of ε/μ for multiplicative error. */
  sigma2: number;
  l: number;
  b: number;
  /** Seasonal states for the next m steps, s[0] applying to step 1. */
  s: number[];
}

export function specName(spec: EtsSpec): string {
  return `ets(${spec.error},${spec.trend},${spec.season})`;
}

/** One pass of the filter; returns Infinity likelihood when the parameters are inadmissible. */
export function etsFilter(y: readonly number[], spec: EtsSpec, p: EtsParams): EtsRun {
  const n = y.length;
  const trend = spec.trend !== "N";
  const seasonal = spec.season !== "N";
  const mult = spec.season === "M";
  const multErr = spec.error === "M";
  const m = seasonal ? spec.period : 1;
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const s = Float64Array.from(seasonal ? p.s0 : [0]);
  let l = p.l0;
  let b = trend ? p.b0 : 0;
  let sse = 0;
  let logMu = 0;
  const bad: EtsRun = { minus2LogLik: Number.POSITIVE_INFINITY, sigma2: Number.NaN, l, b, s: [] };
  for (let t = 0; t < n; t++) {
    const j = t % m;
    const lb = l + phi * b;
    const sj = seasonal ? s[j] : 0;
    const mu = mult ? lb * sj : lb + sj;
    if (multErr || mult) {
      if (!(mu > 0) || (mult && !(lb > 0))) return bad;
    }
    const eps = y[t] - mu;
    if (multErr) {
      const e = eps / mu;
      sse += e * e;
      logMu += Math.log(mu);
    } else sse += eps * eps;
    if (mult) {
      l = lb + (p.alpha * eps) / sj;
      if (trend) b = phi * b + (p.beta * eps) / sj;
      s[j] = sj + (p.gamma * eps) / lb;
    } else {
      l = lb + p.alpha * eps;
      if (trend) b = phi * b + p.beta * eps;
      if (seasonal) s[j] = sj + p.gamma * eps;
    }
  }
  if (!Number.isFinite(sse)) return bad;
  const sigma2 = Math.max(sse / n, 1e-300);
  const nextS: number[] = [];
  if (seasonal) for (let h = 0; h < m; h++) nextS.push(s[(n + h) % m]);
  return { minus2LogLik: n * Math.log(sigma2) + 2 * logMu, sigma2, l, b, s: nextS };
}

/** Heuristic initial states (Hyndman et al. 2002): seasonal from the first seasons, level/trend by a line. */
export function initialStates(y: readonly number[], spec: EtsSpec): { l0: number; b0: number; s0: number[] } {
  const m = spec.period;
  let s0: number[] = [];
  let adjusted = y.slice();
  if (spec.season !== "N") {
    const k = Math.min(Math.floor(y.length / m), 4);
    const head = y.slice(0, k * m);
    const cycleMeans = Array.from({ length: k }, (_, c) => mean(head.slice(c * m, (c + 1) * m)));
    s0 = Array.from({ length: m }, (_, j) => {
      const v: number[] = [];
      for (let c = 0; c < k; c++) {
        const x = head[c * m + j];
        v.push(spec.season === "M" ? x / cycleMeans[c] : x - cycleMeans[c]);
      }
      return mean(v);
    });
    const sm = mean(s0);
    s0 = s0.map((v) => (spec.season === "M" ? v / sm : v - sm));
    adjusted = y.map((v, t) => (spec.season === "M" ? v / s0[t % m] : v - s0[t % m]));
  }
  const span = Math.min(adjusted.length, Math.max(10, spec.season !== "N" ? m : 0));
  const fit = linearFit(adjusted.slice(0, span));
  if (spec.trend === "N") return { l0: mean(adjusted.slice(0, span)), b0: 0, s0 };
  return { l0: fit.intercept, b0: fit.slope, s0 };
}

/** h-step point forecasts from the final states. */
export function etsPoint(spec: EtsSpec, phi: number, run: EtsRun, horizon: number): number[] {
  const out: number[] = [];
  const ph = spec.trend === "Ad" ? phi : 1;
  let damp = 0;
  let pk = 1;
  for (let h = 1; h <= horizon; h++) {
    pk *= ph;
    damp += spec.trend === "N" ? 0 : pk;
    const lb = run.l + damp * run.b;
    if (spec.season === "N") out.push(lb);
    else {
      const s = run.s[(h - 1) % spec.period];
      out.push(spec.season === "M" ? lb * s : lb + s);
    }
  }
  return out;
}

/**
 * Standard deviation of the h-step error: the exact class-1 formula
 * v_h = σ²(1 + Σ_{j<h} c_j²), c_j = α + βφ_j + γ·[j ≡ 0 mod m], used for every model; for a
 * multiplicative error it is applied to the relative error and scaled by the point forecast
 * (a first-order approximation whose coverage the benchmark measures).
 */
export function etsSd(spec: EtsSpec, p: EtsParams, sigma2: number, point: readonly number[]): number[] {
  const out: number[] = [];
  const phi = spec.trend === "Ad" ? p.phi : 1;
  let acc = 1;
  let phiJ = 0;
  let pk = 1;
  for (let h = 1; h <= point.length; h++) {
    const sd = Math.sqrt(sigma2 * acc);
    out.push(spec.error === "M" ? sd * Math.abs(point[h - 1]) : sd);
    pk *= phi;
    phiJ += pk;
    const seasonHit = spec.season !== "N" && h % spec.period === 0 ? p.gamma : 0;
    const c = p.alpha + (spec.trend === "N" ? 0 : p.beta * phiJ) + seasonHit;
    acc += c * c;
  }
  return out;
}
