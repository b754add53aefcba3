import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { individualsChart, xbarRChart, xbarSChart } from "./spc-charts.ts";
import { c4, chartConstants } from "./spc-constants.ts";

describe("chart constants match the printed tables (Montgomery, Appendix VI)", () => {
  it.each([
    [2, "A2", 1.88],
    [5, "A2", 0.577],
    [10, "A2", 0.308],
    [2, "D4", 3.267],
    [5, "D4", 2.114],
    [10, "D3", 0.223],
    [10, "D4", 1.777],
    [5, "A3", 1.427],
    [5, "B4", 2.089],
    [6, "B3", 0.03],
    [10, "B3", 0.284],
  ] as const)("n=%i %s = %f", (n, key, value) => {
    // Printed to 3 decimals from rounded d2/d3, so agreement within 0.001.
    expect(Math.abs(chartConstants(n)[key] - value)).toBeLessThanOrEqual(0.001);
  });

  it("c4 from the gamma function: c4(2) = √(2/π), c4(5) = 0.9400", () => {
    expect(c4(2)).toBeCloseTo(Math.sqrt(2 / Math.PI), 12);
    expect(c4(5)).toBeCloseTo(0.94, 4);
  });

  it("rejects subgroup sizes outside the table", () => {
    expect(() => chartConstants(1)).toThrow(MonitorError);
    expect(() => chartConstants(26)).toThrow(/2\.\.25/);
  });
});

describe("hand-computed limits", () => {
  it("individuals / moving range: x̄ = 11.6, MR̄ = 1.5, σ̂ = 1.5/1.1284", () => {
    const c = individualsChart([10, 12, 11, 13, 12]);
    const sigma = 1.5 / 1.1284;
    expect(c.location.center).toBeCloseTo(11.6, 12);
    expect(c.location.ucl).toBeCloseTo(11.6 + 3 * sigma, 10);
    expect(c.location.lcl).toBeCloseTo(11.6 - 3 * sigma, 10);
    expect(c.dispersion.center).toBeCloseTo(1.5, 12);
    expect(c.dispersion.ucl).toBeCloseTo(3.267 * 1.5, 2);
    expect(c.dispersion.lcl).toBe(0);
  });

  it("X̄-R: x̿ = 3, R̄ = 2, UCL = 3 + 1.023·2, R chart UCL = 2.574·2", () => {
    const c = xbarRChart([
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    expect(c.location.center).toBe(3);
    expect(c.location.ucl).toBeCloseTo(3 + 1.023 * 2, 2);
    expect(c.location.lcl).toBeCloseTo(3 - 1.023 * 2, 2);
    expect(c.dispersion.ucl).toBeCloseTo(2.574 * 2, 2);
    expect(c.sigmaWithin).toBeCloseTo(2 / 1.6926, 10);
  });

  it("X̄-S: s̄ = 1, UCL = 3 + 1.954·1, S chart UCL = 2.568·1, σ̂ = 1/c4(3)", () => {
    const c = xbarSChart([
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    expect(c.location.ucl).toBeCloseTo(4.954, 3);
    expect(c.dispersion.ucl).toBeCloseTo(2.568, 3);
    expect(c.dispersion.lcl).toBe(0);
    expect(c.sigmaWithin).toBeCloseTo(1 / 0.8862, 3);
  });

  it("rejects ragged subgroups and non-finite baselines with a typed error", () => {
    expect(() => xbarRChart([[1, 2], [3]])).toThrow(MonitorError);
    expect(() => individualsChart([1, Number.NaN, 2])).toThrow(/not finite/);
  });
});
