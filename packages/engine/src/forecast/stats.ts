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

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 after one refinement). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let q: number;
  if (p < pl) {
    const u = Math.sqrt(-2 * Math.log(p));
    q =
      (((((c[0] * u + c[1]) * u + c[2]) * u + c[3]) * u + c[4]) * u + c[5]) /
      ((((d[0] * u + d[1]) * u + d[2]) * u + d[3]) * u + 1);
  } else if (p <= 1 - pl) {
    const u = p - 0.5;
    const r = u * u;
    q =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * u) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const u = Math.sqrt(-2 * Math.log(1 - p));
    q =
      -(((((c[0] * u + c[1]) * u + c[2]) * u + c[3]) * u + c[4]) * u + c[5]) /
      ((((d[0] * u + d[1]) * u + d[2]) * u + d[3]) * u + 1);
  }
  return q;
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
