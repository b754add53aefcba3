import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competitiveness, percentileRanks, sizeBand } from "./competitiveness.ts";
import { entropyWeights, type Indicator, normaliseIndicators, topsis } from "./entropy-topsis.ts";

const indicators: Indicator[] = [
  { key: "revenue", direction: "benefit", zh: "营业收入", en: "revenue" },
  { key: "rd", direction: "benefit", zh: "研发强度", en: "R&D intensity" },
  { key: "energy", direction: "cost", zh: "单位产值能耗", en: "energy per output" },
];

describe("entropy weights and TOPSIS", () => {
  it("a constant indicator gets zero weight; a more dispersed one gets more", () => {
    const r = normaliseIndicators(
      [
        [1, 5, 3],
        [2, 5, 3],
        [3, 5, 3.1],
        [10, 5, 3],
      ],
      indicators,
    );
    const { weights } = entropyWeights(r);
    expect(weights[1]).toBe(0);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(weights.every((w) => w >= 0)).toBe(true);
  });

  it("a unit that dominates another on every indicator never ranks below it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
          { minLength: 3, maxLength: 12 },
        ),
        (rows) => {
          const values = rows.map((r) => [...r]);
          // Append a unit at least as good as unit 0 everywhere (energy is a cost).
          values.push([values[0][0] + 1, values[0][1] + 1, Math.max(0, values[0][2] - 1)]);
          const r = normaliseIndicators(values, indicators);
          const t = topsis(r, entropyWeights(r).weights);
          expect(t.closeness[values.length - 1]).toBeGreaterThanOrEqual(t.closeness[0] - 1e-12);
          t.closeness.forEach((c) => {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(1);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("peer groups, percentiles and explanations", () => {
  const firms = [
    { id: "a", chainNode: "PCB", district: "Nanhu", values: [100, 0.08, 0.2] },
    { id: "b", chainNode: "PCB", district: "Nanhu", values: [80, 0.02, 0.5] },
    { id: "c", chainNode: "PCB", district: "Nanhu", values: [60, 0.05, 0.3] },
    { id: "d", chainNode: "sensor", district: "Haining", values: [10, 0.1, 0.1] },
    { id: "e", chainNode: "sensor", district: "Haining", values: [20, 0.03, 0.4] },
  ];
  const res = competitiveness(firms, indicators, { groupBy: ["chainNode"] });

  it("ranks firms within their own chain node and explains the rank in both languages", () => {
    const a = res.firms[0];
    expect(a.group).toBe("PCB");
    expect(a.groupSize).toBe(3);
    expect(a.rank).toBe(1);
    expect(res.firms[1].rank).toBe(3);
    expect(a.explanation.en).toContain("Ranked 1 of 3");
    expect(a.explanation.zh).toContain("排名第1");
    expect(res.firms[1].explanation.en).toMatch(/Held back most by/);
    expect(res.firms[1].explanation.zh).toContain("主要短板");
    expect(Object.keys(res.weights).sort()).toEqual(["PCB", "sensor"]);
  });

  it("mid-rank percentiles and size bands", () => {
    expect(percentileRanks([1, 2, 2, 3])).toEqual([12.5, 50, 50, 87.5]);
    expect([sizeBand(5), sizeBand(20), sizeBand(999), sizeBand(1000)]).toEqual([
      "micro",
      "small",
      "medium",
      "large",
    ]);
  });
});
