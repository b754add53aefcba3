import { MonitorError } from "../errors.ts";

/**
 * The in-control baseline of one tag, learned from its own history:
 *   x_t = daily(t) + μ + y_t,   y_t = Σ φ_i y_{t−i} + σ_e ε_t
 * daily(t) is a two-harmonic daily profile (kept only when it explains a clear share of the
 * variance), φ an AR(p) model fitted by Yule–Walker (Levinson–Durbin, order by AIC). The charts
 * watch the one-step residuals ε_t (nearly independent when the model fits), the deseasonalised
 * level y_t, its first difference and runs of identical readings.
 */
export interface Baseline {
  /** Non-negative integer history: modelled after the Anscombe transform 2√(x + 3/8), which makes Poisson noise homoscedastic. */
  readonly counts: boolean;
  readonly mean: number;
  /** Harmonic coefficients [sin ω, cos ω, sin 2ω, cos 2ω] of the daily profile; all 0 when none. */
  readonly daily: readonly number[];
  readonly dailyR2: number;
  readonly ar: readonly number[];
  /** Standard deviation of the deseasonalised level y. */
  readonly sdLevel: number;
  /** Standard deviation of the one-step residual. */
  readonly sdResidual: number;
  /** Root mean square of the first difference of y (rate-of-change scale). */
  readonly sdDiff: number;
  /** Readings closer than this to the previous one count as "identical" for the flatline check. */
  readonly flatEpsilon: number;
  /** Share of consecutive history readings that were identical in that sense. */
  readonly flatShare: number;
  /** Typical sampling interval of the history (ms). */
  readonly interval: number;
  readonly learnedPoints: number;
  /** History residuals beyond 8 robust standard deviations, left out of the scale and the bootstrap. */
  readonly historyOutliers: number;
}

export interface FittedBaseline {
  readonly baseline: Baseline;
  /** Standardised in-control residuals of the history (the bootstrap pool for calibration). */
  readonly residuals: Float64Array;
  /** Time-of-day bucket (0..DAY_BUCKETS−1) of each residual, so the bootstrap keeps daily heteroscedasticity. */
  readonly residualBuckets: Uint8Array;
  /** Last deseasonalised levels, oldest first (the AR state at the end of the history). */
  readonly tail: number[];
}

const DAY_MS = 86_400_000;
export const DAY_BUCKETS = 24;
export const dayBucket = (t: number): number =>
  Math.min(DAY_BUCKETS - 1, Math.floor(((((t % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS) * DAY_BUCKETS));
const TWO_PI = 2 * Math.PI;

const ANSCOMBE_ZERO = 2 * Math.sqrt(3 / 8);

/** Reading → modelled value (identity, or the Anscombe transform for counts; linear below 0). */
export function toModel(counts: boolean, x: number): number {
  if (!counts) return x;
  return x >= 0 ? 2 * Math.sqrt(x + 3 / 8) : ANSCOMBE_ZERO + x;
}

/** Inverse of `toModel`. */
export function fromModel(counts: boolean, u: number): number {
  if (!counts) return u;
  return u >= ANSCOMBE_ZERO ? (u / 2) ** 2 - 3 / 8 : u - ANSCOMBE_ZERO;
}

/** Daily profile value at a timestamp (epoch ms, UTC). */
export function dailyAt(daily: readonly number[], timestamp: number): number {
  if (daily.length < 4 || (daily[0] === 0 && daily[1] === 0 && daily[2] === 0 && daily[3] === 0)) return 0;
  const w = (TWO_PI * (((timestamp % DAY_MS) + DAY_MS) % DAY_MS)) / DAY_MS;
  return (
    daily[0] * Math.sin(w) + daily[1] * Math.cos(w) + daily[2] * Math.sin(2 * w) + daily[3] * Math.cos(2 * w)
  );
}

/** Solves A x = b (A n×n, row-major) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** Least-squares fit of mean + two daily harmonics; returns [mean, s1, c1, s2, c2] and R². */
function fitDaily(ts: Float64Array, xs: Float64Array): { coef: number[]; r2: number } | null {
  const k = 5;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  const row = new Array<number>(k);
  for (let i = 0; i < xs.length; i++) {
    const w = (TWO_PI * (((ts[i] % DAY_MS) + DAY_MS) % DAY_MS)) / DAY_MS;
    row[0] = 1;
    row[1] = Math.sin(w);
    row[2] = Math.cos(w);
    row[3] = Math.sin(2 * w);
    row[4] = Math.cos(2 * w);
    for (let a = 0; a < k; a++) {
      atb[a] += row[a] * xs[i];
      for (let b = 0; b < k; b++) ata[a][b] += row[a] * row[b];
    }
  }
  const coef = solve(ata, atb);
  if (!coef) return null;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ssTot = 0;
  let ssRes = 0;
  for (let i = 0; i < xs.length; i++) {
    const fit = coef[0] + dailyAt(coef.slice(1), ts[i]);
    ssTot += (xs[i] - mean) ** 2;
    ssRes += (xs[i] - fit) ** 2;
  }
  return { coef, r2: ssTot > 0 ? 1 - ssRes / ssTot : 0 };
}

/** Levinson–Durbin on autocovariances: AR coefficients of the AIC-best order ≤ maxOrder. */
export function fitAr(y: Float64Array, maxOrder: number): { phi: number[]; innovationVar: number } {
  const n = y.length;
  const p = Math.max(0, Math.min(maxOrder, Math.floor(n / 10)));
  const r = new Array<number>(p + 1).fill(0);
  for (let lag = 0; lag <= p; lag++) {
    let s = 0;
    for (let i = lag; i < n; i++) s += y[i] * y[i - lag];
    r[lag] = s / n;
  }
  let best = { phi: [] as number[], innovationVar: r[0], aic: n * Math.log(Math.max(r[0], 1e-300)) };
  let phi: number[] = [];
  let v = r[0];
  for (let k = 1; k <= p && v > 0; k++) {
    let acc = r[k];
    for (let j = 0; j < k - 1; j++) acc -= phi[j] * r[k - 1 - j];
    const refl = acc / v;
    if (!Number.isFinite(refl) || Math.abs(refl) >= 1) break;
    const next = phi.map((f, j) => f - refl * phi[k - 2 - j]);
    next.push(refl);
    phi = next;
    v *= 1 - refl * refl;
    const aic = n * Math.log(Math.max(v, 1e-300)) + 2 * k;
    if (aic < best.aic) best = { phi: [...phi], innovationVar: v, aic };
  }
  return { phi: best.phi, innovationVar: best.innovationVar };
}

function median(a: ArrayLike<number>): number {
  const s = Array.from(a).sort((p, q) => p - q);
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface FitOptions {
  readonly maxArOrder: number;
  /** Share of the variance a daily profile must explain to be kept. */
  readonly minDailyR2: number;
}

/** Learns the baseline from finite history points (timestamps strictly increasing). */
export function fitBaseline(ts: Float64Array, raw: Float64Array, o: FitOptions): FittedBaseline {
  const n = raw.length;
  const counts = raw.every((v) => v >= 0 && Number.isInteger(v)) && new Set(raw).size >= 3;
  const xs = raw.map((v) => toModel(counts, v));
  if (n < 30)
    throw new MonitorError("EMPTY_INPUT", `a tag needs at least 30 history points to learn from, got ${n}`);
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = ts[i] - ts[i - 1];
  const interval = median(diffs);
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let daily = [0, 0, 0, 0];
  let dailyR2 = 0;
  if (ts[n - 1] - ts[0] >= 0.9 * DAY_MS) {
    const fit = fitDaily(ts, xs);
    if (fit) {
      dailyR2 = fit.r2;
      if (fit.r2 >= o.minDailyR2) {
        daily = fit.coef.slice(1);
        mean = fit.coef[0];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = xs[i] - mean - dailyAt(daily, ts[i]);
  let varY = 0;
  for (const v of y) varY += v * v;
  varY /= n;
  const { phi } = fitAr(y, o.maxArOrder);
  const p = phi.length;
  const res = new Float64Array(n - p);
  for (let i = p; i < n; i++) {
    let pred = 0;
    for (let j = 0; j < p; j++) pred += phi[j] * y[i - 1 - j];
    res[i - p] = y[i] - pred;
  }
  // Robust scale first (median absolute deviation), then the RMS of the residuals within 8 of it.
  const mad = median(res.map((v) => Math.abs(v))) * 1.4826;
  let rms = 0;
  let keep = 0;
  for (const v of res) rms += v * v;
  rms = Math.sqrt(rms / res.length);
  const cut = 8 * (mad > 0 ? mad : rms);
  let ss = 0;
  for (const v of res)
    if (Math.abs(v) <= cut) {
      ss += v * v;
      keep++;
    }
  const sdResidual = Math.sqrt(ss / Math.max(1, keep));
  let sd2 = 0;
  for (let i = 1; i < n; i++) sd2 += (y[i] - y[i - 1]) ** 2;
  const sdDiff = Math.sqrt(sd2 / (n - 1));
  const absDiff = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) absDiff[i - 1] = Math.abs(raw[i] - raw[i - 1]);
  // "Identical": within a twentieth of the typical change (0 for exactly repeated readings).
  const flatEpsilon = 0.05 * median(absDiff.filter((d) => d > 0));
  let flat = 0;
  for (const d of absDiff) if (d <= flatEpsilon) flat++;
  const numbers = [mean, varY, sdResidual, sdDiff, interval, flatEpsilon, ...phi, ...daily];
  if (numbers.some((v) => !Number.isFinite(v)) || !(sdResidual > 0) || !(varY > 0) || !(interval > 0)) {
    throw new MonitorError(
      "BAD_PARAMETER",
      "the history has no usable variation (constant, or values too large to model)",
    );
  }
  const kept: number[] = [];
  const buckets: number[] = [];
  res.forEach((v, i) => {
    if (Math.abs(v) > cut) return;
    kept.push(v / sdResidual);
    buckets.push(dayBucket(ts[i + p]));
  });
  const residuals = Float64Array.from(kept);
  return {
    baseline: {
      counts,
      mean,
      daily,
      dailyR2,
      ar: phi,
      sdLevel: Math.sqrt(varY),
      sdResidual,
      sdDiff: sdDiff > 0 ? sdDiff : sdResidual,
      flatEpsilon,
      flatShare: (flat + 1) / (n + 1),
      interval,
      learnedPoints: n,
      historyOutliers: res.length - keep,
    },
    residuals,
    residualBuckets: Uint8Array.from(buckets),
    tail: Array.from(y.subarray(Math.max(0, n - Math.max(p, 1)))),
  };
}
