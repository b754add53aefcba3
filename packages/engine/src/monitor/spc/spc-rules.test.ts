import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRules, listViolations, type RuleSet } from "./spc-rules.ts";

// Center 0, σ 1: values are z-scores.
const fired = (series: number[], set: RuleSet): Set<number> =>
  new Set(listViolations(evaluateRules(series, 0, 1), [set]).map((v) => v.rule));
const firedAt = (series: number[], set: RuleSet, index: number): number[] =>
  listViolations(evaluateRules(series, 0, 1), [set])
    .filter((v) => v.index === index)
    .map((v) => v.rule);
const repeat = (pattern: number[], n: number): number[] =>
  Array.from({ length: n }, (_, i) => pattern[i % pattern.length]);
const rising = (n: number): number[] => Array.from({ length: n }, (_, i) => -0.5 + 0.1 * i);

// Each case: the rule, a series that completes the pattern on its last point, and its near miss.
const nelson: [number, string, number[], number[]][] = [
  [1, "one point beyond 3σ", [0.2, -0.3, 3.2], [0.2, -0.3, 2.99]],
  [2, "nine in a row on one side", repeat([0.3, 0.6], 9), [...repeat([0.3, 0.6], 8), -0.3]],
  [3, "six in a row rising", [0.8, ...rising(6)], [0.8, ...rising(5), -0.45]],
  [4, "fourteen alternating", repeat([0.3, -0.3], 14), repeat([0.3, -0.3], 13)],
  [5, "two of three beyond 2σ, same side", [0, 2.5, 0.1, 2.4], [2.5, 0, 0.1, 2.4]],
  [6, "four of five beyond 1σ, same side", [1.5, 1.6, 0.2, 1.4, 1.7], [1.5, 0.1, 1.6, 0.2, 1.7]],
  [7, "fifteen within 1σ", repeat([0.5, 0.6, -0.5, -0.6], 15), repeat([0.5, 0.6, -0.5, -0.6], 14)],
  [
    8,
    "eight beyond 1σ on both sides",
    repeat([1.5, 1.6, -1.5, -1.6], 8),
    [...repeat([1.5, 1.6, -1.5, -1.6], 7), 0.5],
  ],
];

describe("Nelson rules: each fires on its constructed series and not on its near miss", () => {
  it.each(nelson)("rule %i (%s)", (rule, _name, hit, miss) => {
    expect(firedAt(hit, "nelson", hit.length - 1)).toContain(rule);
    expect(fired(miss, "nelson").has(rule)).toBe(false);
  });
});

describe("Western Electric rules", () => {
  const we: [number, number[], number[]][] = [
    [1, [0.1, 3.5], [0.1, 2.9]],
    [2, [0, -2.5, 0.1, -2.2], [-2.5, 0, 0.1, -2.2]],
    [3, [-1.5, -1.6, 0.2, -1.4, -1.7], [-1.5, 0.1, -1.6, 0.2, -1.7]],
    [4, repeat([-0.3, -0.6], 8), repeat([-0.3, -0.6], 7)],
  ];
  it.each(we)("rule %i fires on its series and not on the near miss", (rule, hit, miss) => {
    expect(firedAt(hit, "western-electric", hit.length - 1)).toContain(rule);
    expect(fired(miss, "western-electric").has(rule)).toBe(false);
  });

  it("eight on one side is WE rule 4 but not yet Nelson rule 2", () => {
    const s = repeat([0.3, 0.6], 8);
    expect(fired(s, "western-electric").has(4)).toBe(true);
    expect(fired(s, "nelson").has(2)).toBe(false);
  });

  it("a point on the center line breaks a same-side run", () => {
    const s = [...repeat([0.3, 0.6], 5), 0, ...repeat([0.3, 0.6], 5)];
    expect(fired(s, "nelson").has(2)).toBe(false);
  });
});

describe("rule evaluation on arbitrary input", () => {
  it("never throws on NaN-laced or extreme input and marks exactly one mask per point", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: false }),
            fc.constant(Number.NaN),
            fc.constant(Number.POSITIVE_INFINITY),
          ),
        ),
        (xs) => {
          const m = evaluateRules(xs, 0, 1);
          expect(m.length).toBe(xs.length);
          xs.forEach((x, i) => {
            if (Number.isNaN(x)) expect(m[i]).toBe(0);
          });
        },
      ),
    );
  });
});
