import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { EwmaChart, TabularCusum } from "./ewma-cusum.ts";

// Montgomery, Introduction to SQC, Table 9.1: 20 points from N(10, 1), then 10 from N(11, 1).
const table91 = [
  9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.2, 10.34, 9.03, 11.47, 10.51, 9.4, 10.08, 9.37, 10.62,
  10.31, 8.52, 10.84, 10.9, 9.33, 12.29, 11.5, 10.6, 11.08, 10.38, 11.62, 11.31, 10.52,
];

describe("tabular CUSUM, Montgomery example 9.1 (μ0 = 10, σ = 1, k = 0.5, h = 5)", () => {
  it("first signals at period 29 with C⁺ = 5.28 after a run of 7 (shift after period 22)", () => {
    const c = new TabularCusum(10, 1, 0.5, 5);
    const pts = table91.map((x) => c.push(x));
    const first = pts.findIndex((p) => p.signal !== null);
    expect(first + 1).toBe(29);
    expect(pts[first].signal).toBe("up");
    expect(pts[first].cPlus).toBeCloseTo(5.28, 2);
    expect(pts[first].runPlus).toBe(7);
    expect(pts[0].cMinus).toBeCloseTo(0.05, 10); // 9.5 − 9.45
  });
});

describe("EWMA (λ = 0.1, L = 2.7)", () => {
  it("z1 = 9.945 with limits 10 ± 0.27, widening to 10 ± 2.7·√(0.1/1.9)", () => {
    const e = new EwmaChart(10, 1, 0.1, 2.7);
    const p1 = e.push(9.45);
    expect(p1.z).toBeCloseTo(9.945, 12);
    expect(p1.ucl).toBeCloseTo(10.27, 10);
    expect(p1.lcl).toBeCloseTo(9.73, 10);
    let last = p1;
    for (let i = 0; i < 500; i++) last = e.push(10);
    expect(last.ucl).toBeCloseTo(10 + 2.7 * Math.sqrt(0.1 / 1.9), 8);
    expect(last.signal).toBe(false);
  });

  it("signals a sustained one-sigma shift and ignores NaN", () => {
    const e = new EwmaChart(10, 1, 0.1, 2.7);
    const pts = table91.map((x) => e.push(x));
    expect(pts.slice(0, 20).some((p) => p.signal)).toBe(false);
    expect(pts.slice(20).some((p) => p.signal)).toBe(true);
    expect(() => e.push(Number.NaN)).not.toThrow();
  });

  it("rejects λ outside (0, 1]", () => {
    expect(() => new EwmaChart(0, 1, 0)).toThrow(MonitorError);
  });
});
