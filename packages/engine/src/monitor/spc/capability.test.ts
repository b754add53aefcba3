import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { andersonDarling, capability } from "./capability.ts";
import { chiSquareQuantile, normalCdf, normalQuantile } from "./spc-stats.ts";

/** n values with exactly the given mean and sample standard deviation (normal scores, rescaled). */
function shaped(n: number, mean: number, sd: number): number[] {
  const z = Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
  const m = z.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(z.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  return z.map((v) => mean + ((v - m) / s) * sd);
}

describe("distribution helpers", () => {
  it("χ² quantiles of the textbook table (ν = 19)", () => {
    expect(chiSquareQuantile(0.025, 19)).toBeCloseTo(8.907, 3);
    expect(chiSquareQuantile(0.975, 19)).toBeCloseTo(32.852, 3);
  });
  it("normal quantile and CDF invert each other", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalCdf(normalQuantile(0.01))).toBeCloseTo(0.01, 7);
  });
});

describe("capability, Montgomery examples 8.5 and 8.6", () => {
  it("Ĉp = 24/(6·1.75) = 2.29 with 95 % CI 1.57 … 3.01 (n = 20)", () => {
    const c = capability(shaped(20, 50, 1.75), { lsl: 38, usl: 62 }, 1.75);
    expect(c.cp?.estimate).toBeCloseTo(24 / 10.5, 10);
    // The book rounds Ĉp to 2.29 first, printing 1.57 and 3.01.
    expect(c.cp?.lower).toBeCloseTo((24 / 10.5) * Math.sqrt(8.907 / 19), 3);
    expect(c.cp?.upper).toBeCloseTo((24 / 10.5) * Math.sqrt(32.852 / 19), 3);
    expect(c.cp?.upper).toBeCloseTo(3.01, 1);
    // The overall σ equals the within σ here, so Pp = Cp.
    expect(c.pp?.estimate).toBeCloseTo(24 / 10.5, 10);
  });

  it("Ĉpk = 1.33 with Bissell's 95 % CI 1.33 ± 1.96·√(1/180 + 1.33²/38) (n = 20)", () => {
    const c = capability(shaped(20, 50, 1), { usl: 54 }, 1);
    const est = 4 / 3;
    const half = 1.959964 * Math.sqrt(1 / 180 + (est * est) / 38);
    expect(c.cp).toBeNull();
    expect(c.cpk.estimate).toBeCloseTo(est, 10);
    expect(c.cpk.lower).toBeCloseTo(est - half, 5);
    expect(c.cpk.upper).toBeCloseTo(est + half, 5);
    expect(c.cpk.lower).toBeCloseTo(0.88, 1);
  });

  it("Cpk uses the nearer limit; Ppk uses the overall σ", () => {
    const c = capability(shaped(30, 52, 2), { lsl: 40, usl: 58 }, 1);
    expect(c.cpk.estimate).toBeCloseTo(2, 10); // (58 − 52)/(3·1)
    expect(c.ppk.estimate).toBeCloseTo(1, 10); // (58 − 52)/(3·2)
  });
});

describe("normality check before quoting", () => {
  it("normal scores pass Anderson–Darling", () => {
    const c = capability(shaped(50, 10, 1), { lsl: 6, usl: 14 }, 1);
    expect(c.normality.normal).toBe(true);
    expect(c.quotable).toBe(true);
  });

  it("strongly skewed data fail it and are marked not quotable", () => {
    const skewed = Array.from({ length: 50 }, (_, i) => Math.exp(i / 6));
    const ad = andersonDarling(skewed);
    expect(ad.pValue).toBeLessThan(0.01);
    expect(capability(skewed, { usl: 5000 }, 100).quotable).toBe(false);
    // A huge A² (two separated clusters) must give p ≈ 0, not an overflowing fit.
    const bimodal = Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : 100) + (i % 7) * 0.01);
    expect(andersonDarling(bimodal).pValue).toBe(0);
  });

  it("bad input is a typed error", () => {
    expect(() => capability([1, 2, 3], { usl: 5 }, 1)).toThrow(MonitorError);
    expect(() => capability(shaped(20, 0, 1), {}, 1)).toThrow(/LSL, USL/);
  });
});
