import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { NAB_PROFILES, nabProbationaryLength } from "./nab-profiles.ts";
import {
  labelNabFile,
  nabNullScore,
  nabPerfectScore,
  normaliseNabScore,
  scaledSigmoid,
  scoreNabFile,
} from "./nab-scorer.ts";
import { optimiseNabThreshold } from "./nab-threshold.ts";

// Hand-built case: 20 rows, probation floor(0.15·20) = 3 rows, one window at rows 10..13 (width 4).
const rows = 20;
const file = labelNabFile(rows, [{ start: 10, end: 13 }]);
const flags = (...idx: number[]): number[] =>
  Array.from({ length: rows }, (_, i) => (idx.includes(i) ? 1 : 0));
const std = NAB_PROFILES.standard;

describe("NAB scorer, hand-computed", () => {
  it("uses the NAB probationary length", () => {
    expect(nabProbationaryLength(20)).toBe(3);
    expect(nabProbationaryLength(10320)).toBe(750);
  });

  it("scaled sigmoid: 0.98661 at the left edge, 0 at the right edge, −1 from three widths past", () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(3)).toBe(-1);
  });

  it("a detection at the window's first row earns exactly tpWeight", () => {
    const s = scoreNabFile(file, flags(10), 0.5, std);
    expect(s.score).toBeCloseTo(1, 12);
    expect([s.tp, s.fp, s.fn, s.tn]).toEqual([1, 0, 3, 13]);
  });

  it("a detection half-way in earns σ-scaled credit: (2σ(2.5)−1)/(2σ(5)−1) = 0.859793", () => {
    // Row 12: position −(13−12+1)/4 = −0.5.
    expect(scoreNabFile(file, flags(12), 0.5, std).score).toBeCloseTo(0.859793, 6);
  });

  it("only the earliest detection in a window counts", () => {
    expect(scoreNabFile(file, flags(10, 11, 12, 13), 0.5, std).score).toBeCloseTo(1, 12);
  });

  it("a false positive before any window costs the full fpWeight, probation rows cost nothing", () => {
    const s = scoreNabFile(file, flags(2, 5), 0.5, std);
    expect(s.score).toBeCloseTo(-1 - 0.11, 12); // missed window −1, one FP −0.11
    expect(s.fp).toBe(1);
  });

  it("a false positive just after a window is discounted: 0.11·(2σ(−10/3)−1) = −0.102422", () => {
    // Row 15 is |13−15|/(4−1) = 2/3 window widths past the right edge.
    expect(scoreNabFile(file, flags(15), 0.5, std).score).toBeCloseTo(-1 - 0.102422, 6);
  });

  it("reward_low_FN doubles the cost of a miss; reward_low_FP doubles the cost of a FP", () => {
    expect(scoreNabFile(file, flags(5), 0.5, NAB_PROFILES.reward_low_FN_rate).score).toBeCloseTo(-2.11, 12);
    expect(scoreNabFile(file, flags(5), 0.5, NAB_PROFILES.reward_low_FP_rate).score).toBeCloseTo(-1.22, 12);
  });

  it("normalises the null detector to 0 and the perfect detector to 100", () => {
    const nul = nabNullScore([file], std);
    const perfect = nabPerfectScore([file], std);
    expect(nul).toBe(-1);
    expect(perfect).toBe(1);
    const nullRaw = scoreNabFile(file, new Array(rows).fill(0), 0.5, std).score;
    const perfectRaw = scoreNabFile(file, flags(10), 0.5, std).score;
    expect(normaliseNabScore(nullRaw, nul, perfect)).toBe(0);
    expect(normaliseNabScore(perfectRaw, nul, perfect)).toBeCloseTo(100, 10);
  });

  it("threshold optimisation finds the threshold that flags only the early in-window row", () => {
    const scores = Array.from({ length: rows }, (_, i) => (i === 11 ? 0.9 : i === 16 ? 0.7 : 0.1));
    const choice = optimiseNabThreshold([{ file, scores }], std);
    expect(choice.threshold).toBe(0.9);
    expect(choice.rawScore).toBeCloseTo(scoreNabFile(file, scores, 0.9, std).score, 12);
    // Only a false positive can be flagged (NaN never is), so flagging nothing is best.
    const fpOnly = Array.from({ length: rows }, (_, i) => (i === 5 ? 0.9 : Number.NaN));
    const none = optimiseNabThreshold([{ file, scores: fpOnly }], std);
    expect(none.threshold).toBe(Number.POSITIVE_INFINITY);
    expect(none.rawScore).toBe(-1);
  });

  it("rejects windows outside the file or overlapping", () => {
    expect(() => labelNabFile(5, [{ start: 3, end: 7 }])).toThrow(MonitorError);
    expect(() =>
      labelNabFile(30, [
        { start: 5, end: 10 },
        { start: 9, end: 12 },
      ]),
    ).toThrow(/overlaps/);
  });
});
