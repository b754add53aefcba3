/** Small numeric helpers shared by the methods. */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Sample autocorrelations r_1..r_maxLag (as R's acf). */
export function acf(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const m = mean(y);
  let c0 = 0;
  for (const v of y) c0 += (v - m) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += (y[t] - m) * (y[t - k] - m);
    out.push(c0 === 0 ? 0 : c / c0);
  }
  return out;
}

/**
 * The M4 benchmarks' seasonality test: |r_m| above the 90% one-sided limit
 * 1.645·sqrt((1 + 2·Σ_{i<m} r_i²)/n); needs at least 3 full seasons.
 */
export function seasonalityTest(y: readonly number[], m: number): boolean {
  if (m <= 1 || y.length < 3 * m) return false;
  const r = acf(y, m);
  let s = 1;
  for (let i = 0; i < m - 1; i++) s += 2 * r[i] ** 2;
  const limit = (1.645 * Math.sqrt(s)) / Math.sqrt(y.length);
  return Math.abs(r[m - 1]) > limit;
}

/** Ordinary least squares line y = a + b·t over t = 1..n (the M4 Theta benchmark's theta-0 line). */
export function linearFit(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  if (n < 2) return { intercept: y[0] ?? 0, slope: 0 };
  const tm = (n + 1) / 2;
  const ym = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - tm) * (y[i] - ym);
    sxx += (i + 1 - tm) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: ym - slope * tm, slope };
}

export { normalQuantile } from "../shared/normal.ts";
