import { describe, expect, it } from "vitest";
import { coverage, mase, owa, smape } from "./m4-score.ts";

describe("M4 scorer (hand-computed)", () => {
  it("sMAPE = 200/h · Σ|y − f| / (|y| + |f|)", () => {
    // (200/2)·(1/3 + 0) = 33.333…
    expect(smape([2, 4], [1, 4])).toBeCloseTo(100 / 3, 12);
    expect(smape([0, 5], [0, 5])).toBe(0);
  });

  it("MASE scales by the in-sample seasonal-naive MAE of the M4 frequency", () => {
    const insample = [1, 3, 2, 4];
    // m = 1: scale (2 + 1 + 2)/3 = 5/3; forecast MAE (1 + 0)/2 = .5 → .3
    expect(mase(insample, [2, 4], [1, 4], 1)).toBeCloseTo(0.3, 12);
    // m = 2: scale (|2 − 1| + |4 − 3|)/2 = 1 → .5
    expect(mase(insample, [2, 4], [1, 4], 2)).toBeCloseTo(0.5, 12);
  });

  it("OWA averages the two ratios to Naive2", () => {
    // ½·(10/20 + 1/4) = .375
    expect(owa({ smape: 10, mase: 1 }, { smape: 20, mase: 4 })).toBeCloseTo(0.375, 12);
    expect(owa({ smape: 20, mase: 4 }, { smape: 20, mase: 4 })).toBe(1);
  });

  it("OWA of a set is taken on the mean sMAPE and MASE (as M4), shown on two series", () => {
    // series A: insample 1,2,3 (m = 1 scale 1), actual 4,5; method 4,4 / naive2 3,3
    // series B: insample 10,12 (scale 2), actual 12; method 13 / naive2 12
    const a = { ins: [1, 2, 3], act: [4, 5] };
    const b = { ins: [10, 12], act: [12] };
    const method = [smape(a.act, [4, 4]), smape(b.act, [13])];
    const base = [smape(a.act, [3, 3]), smape(b.act, [12])];
    // method sMAPE: A = 100·(0 + 1/9) = 11.111, B = 200·1/25 = 8 → mean 9.555556
    expect((method[0] + method[1]) / 2).toBeCloseTo(9.555556, 5);
    // naive2 sMAPE: A = 100·(1/7 + 2/8) = 39.285714, B = 0 → mean 19.642857
    expect((base[0] + base[1]) / 2).toBeCloseTo(19.642857, 5);
    // MASE: method A .5, B .5 → .5; naive2 A 1.5, B 0 → .75
    const mMase = (mase(a.ins, a.act, [4, 4], 1) + mase(b.ins, b.act, [13], 1)) / 2;
    const nMase = (mase(a.ins, a.act, [3, 3], 1) + mase(b.ins, b.act, [12], 1)) / 2;
    expect(mMase).toBeCloseTo(0.5, 12);
    expect(nMase).toBeCloseTo(0.75, 12);
    // OWA = ½·(9.555556/19.642857 + .5/.75) = ½·(.486465 + .666667) = .576566
    const o = owa(
      { smape: (method[0] + method[1]) / 2, mase: mMase },
      { smape: (base[0] + base[1]) / 2, mase: nMase },
    );
    expect(o).toBeCloseTo(0.576566, 5);
  });

  it("coverage counts actuals inside the bounds", () => {
    expect(coverage([1, 5, 9, 3], [0, 0, 0, 4], [2, 6, 8, 5])).toBe(0.5);
  });
});
