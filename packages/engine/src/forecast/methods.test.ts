import { describe, expect, it } from "vitest";
import { naive, naive2, seasonalNaive } from "./baseline.ts";
import { autoEts, fitEts } from "./ets.ts";
import { etsFilter, etsPoint, etsSd } from "./ets-core.ts";
import { forecast } from "./forecast.ts";
import { croston, sba, tsb } from "./intermittent.ts";
import { mstlForecast } from "./mstl.ts";
import { holdoutSelect } from "./select.ts";
import { thetaCore } from "./theta.ts";

const near = (got: readonly number[], want: readonly number[], digits = 9): void => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(g).toBeCloseTo(want[i], digits);
  });
};

describe("naive family (hand-checked)", () => {
  it("naive repeats the last value; sd = rms(Δy)·√h", () => {
    // y = 1, 2, 4: differences 1, 2 → rms = √((1+4)/2) = √2.5
    const f = naive([1, 2, 4], 2);
    near(f.mean, [4, 4]);
    near(f.sd, [Math.sqrt(2.5), Math.sqrt(2.5) * Math.SQRT2]);
  });

  it("seasonal naive repeats the last season; sd grows per whole season", () => {
    // m = 3, last season 4, 5, 6; every lag-3 difference is 3 → σ = 3
    const f = seasonalNaive([1, 2, 3, 4, 5, 6], 3, 4);
    near(f.mean, [4, 5, 6, 4]);
    near(f.sd, [3, 3, 3, 3 * Math.SQRT2]);
  });

  it("naive2 deseasonalises with the classical multiplicative figure", () => {
    // y = (1,3)×7 then 1, 4 (n = 16, m = 2). Centred 2×2 MA: 2 everywhere except t = 14 where
    // (0.5·3 + 1 + 0.5·4)/2 = 2.25. Phase-0 ratios: six 0.5 and 1/2.25 → mean 0.492063;
    // phase 1: seven 1.5. Normalised by their mean 0.996032: figure = [0.494024, 1.505976].
    // Adjusted last value 4/1.505976 = 2.656085; forecasts 2.656085·0.494024 = 1.312169, then 4.
    const y = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 4];
    const f = naive2(y, 2, 2);
    near(f.mean, [1.312169, 4], 5);
  });
});

describe("ETS recursions (hand-checked, fixed parameters)", () => {
  const base = { alpha: 0.5, beta: 0, gamma: 0, phi: 1, l0: 0, b0: 0, s0: [] as number[] };

  it("SES = ETS(A,N,N)", () => {
    // l0 = 1, α = .5, y = 2, 4: ε = 1 → l = 1.5; ε = 2.5 → l = 2.75. σ² = (1 + 6.25)/2 = 3.625
    const spec = { error: "A", trend: "N", season: "N", period: 1 } as const;
    const p = { ...base, l0: 1 };
    const run = etsFilter([2, 4], spec, p);
    const mean = etsPoint(spec, 1, run, 2);
    near(mean, [2.75, 2.75]);
    // v2 = σ²(1 + α²) = 3.625·1.25
    near(etsSd(spec, p, run.sigma2, mean), [Math.sqrt(3.625), Math.sqrt(3.625 * 1.25)]);
  });

  it("Holt = ETS(A,A,N)", () => {
    // l0 = 0, b0 = 1, α = .5, β = .1, y = 1, 3: μ1 = 1, ε = 0; μ2 = 2, ε = 1 → l = 2.5, b = 1.1
    const spec = { error: "A", trend: "A", season: "N", period: 1 } as const;
    const run = etsFilter([1, 3], spec, { ...base, beta: 0.1, b0: 1 });
    near(etsPoint(spec, 1, run, 2), [3.6, 4.7]);
  });

  it("damped trend = ETS(A,Ad,N)", () => {
    // φ = .9: μ1 = .9, ε = .1 → l = .95, b = .91; μ2 = .95 + .819 = 1.769, ε = 1.231 →
    // l = 2.3845, b = .9421; forecasts l + .9b = 3.23239 and l + 1.71b = 3.995491
    const spec = { error: "A", trend: "Ad", season: "N", period: 1 } as const;
    const run = etsFilter([1, 3], spec, { ...base, beta: 0.1, b0: 1, phi: 0.9 });
    near(etsPoint(spec, 0.9, run, 2), [3.23239, 3.995491]);
  });

  it("additive season ETS(A,N,A)", () => {
    // l0 = 10, s = (−1, 1), α = .5, γ = .2, y = 9, 12: ε1 = 0; ε2 = 1 → l = 10.5, s2 = 1.2
    const spec = { error: "A", trend: "N", season: "A", period: 2 } as const;
    const run = etsFilter([9, 12], spec, { ...base, gamma: 0.2, l0: 10, s0: [-1, 1] });
    near(etsPoint(spec, 1, run, 2), [9.5, 11.7]);
  });

  it("multiplicative season ETS(M,N,M)", () => {
    // l0 = 10, s = (.5, 1.5), y = 5, 18: ε1 = 0; μ2 = 15, ε = 3 → l = 10 + .5·3/1.5 = 11,
    // s2 = 1.5 + .2·3/10 = 1.56; forecasts 11·.5 = 5.5 and 11·1.56 = 17.16
    const spec = { error: "M", trend: "N", season: "M", period: 2 } as const;
    const run = etsFilter([5, 18], spec, { ...base, gamma: 0.2, l0: 10, s0: [0.5, 1.5] });
    near(etsPoint(spec, 1, run, 2), [5.5, 17.16]);
    // relative errors 0 and 3/15 = .2 → σ² = .04/2
    expect(run.sigma2).toBeCloseTo(0.02, 12);
  });
});

describe("ETS by likelihood and AICc", () => {
  it("AICc = −2logL + 2k + 2k(k+1)/(n−k−1), k counting α, ℓ0 and σ for SES", () => {
    const y = [3, 5, 4, 6, 5, 7, 6, 8, 7, 9];
    const fit = fitEts(y, { error: "A", trend: "N", season: "N", period: 1 });
    // k = 3, n = 10: penalty 6 + 24/6 = 10
    expect(fit.k).toBe(3);
    expect(fit.aicc).toBeCloseTo(fit.run.minus2LogLik + 10, 9);
  });

  it("picks a seasonal model for a noisy seasonal series and a trend model for a noisy line", () => {
    const wiggle = (t: number) => 0.3 * Math.sin(7.3 * t);
    const seasonal = Array.from({ length: 48 }, (_, t) => 50 + [8, -3, -9, 4][t % 4] + wiggle(t));
    expect(autoEts(seasonal, 4).spec.season).not.toBe("N");
    const line = Array.from({ length: 40 }, (_, t) => 20 + 1.5 * t + wiggle(t));
    expect(autoEts(line, 1).spec.trend).not.toBe("N");
  });
});

describe("MSTL-style decomposition", () => {
  it("removes the profile around the centred moving-average trend", () => {
    // y = (1 + t) + (0, 2) alternating = 1 4 3 6 5 8. 2×2 MA at t = 1..4: 3, 4, 5, 6; detrended
    // 1, −1, 1, −1 → profile (−1, +1). Adjusted: 2 3 4 5 6 7; naive → 7; add −1, +1 → 6, 8
    const f = mstlForecast([1, 4, 3, 6, 5, 8], 2, { periods: [2], log: false }, (a) => naive(a, 2));
    near(f.mean, [6, 8]);
  });
});

describe("Theta", () => {
  it("equals SES with half the trend slope: on 1, 2, 3, 4 it gives 4 + h/2", () => {
    // theta-0 line is y = t exactly, so theta-2 = y; SES on it takes α → 1 and level → 4;
    // forecast = ½·4 + ½·(4 + h)
    near(thetaCore([1, 2, 3, 4], 2).mean, [4.5, 5], 2);
  });
});

describe("intermittent demand (α = β = 0.1)", () => {
  const y = [0, 0, 3, 0, 2];
  it("Croston", () => {
    // first demand 3 after 3 periods: z = 3, p = 3; then 2 after 2: z = 2.9, p = 2.9 → 1
    near(croston(y, 2).mean, [1, 1]);
  });
  it("SBA", () => {
    // Croston × (1 − α/2) = 0.95
    near(sba(y, 1).mean, [0.95]);
  });
  it("TSB", () => {
    // start at t=3: z = 3, p = 1/3; zero → p = .3; demand 2 → p = .37, z = 2.9 → 1.073
    near(tsb(y, 1).mean, [1.073]);
  });
  it("auto routes intermittent series to SBA", () => {
    expect(forecast([0, 0, 3, 0, 2, 0, 0, 1, 0, 4], { horizon: 3 }).method).toBe("sba");
  });
});

describe("holdout selection", () => {
  it("keeps the candidate that forecast the held-out windows best", () => {
    const y = Array.from({ length: 40 }, (_, t) => 10 + t);
    const zero = (_: readonly number[], h: number) => ({
      method: "zero",
      mean: new Array<number>(h).fill(0),
      sd: new Array<number>(h).fill(1),
    });
    const last = (s: readonly number[], h: number) => ({ ...naive(s, h), method: "last" });
    expect(holdoutSelect(y, 5, [zero, last], { windows: 2 }).method).toBe("last");
    expect(holdoutSelect(y, 5, [last, zero], { windows: 2 }).mean).toEqual([49, 49, 49, 49, 49]);
  });

  const flat = (value: number, sd: number) => (_: readonly number[], h: number) => ({
    method: `flat${value}`,
    mean: new Array<number>(h).fill(value),
    sd: new Array<number>(h).fill(sd),
  });
  const ten = new Array<number>(30).fill(10);

  it("weights by error^-power", () => {
    // validation MAE: flat 9 → 1, flat 12 → 2; power 1 → weights 1 and ½: (9 + 6)/1.5 = 10
    const f = holdoutSelect(ten, 3, [flat(12, 1), flat(9, 1)], { windows: 2, top: 2, power: 1 });
    near(f.mean, [10, 10, 10]);
  });

  it("calibrates the sd to the validation errors", () => {
    // flat 9 misses by 1 every time; its claimed sd 2 is rescaled by √(1/4) to 1
    const f = holdoutSelect(ten, 3, [flat(9, 2), flat(15, 1)], { windows: 2, calibrate: true });
    near(f.sd, [1, 1, 1]);
  });
});
