import { describe, expect, it } from "vitest";
import { germany1995, germany1995Published } from "../fixtures/io-published.fixture.ts";
import { inputOutput } from "./input-output.ts";

const TOL = 1e-4;
const result = inputOutput({
  sectors: germany1995.sectors,
  flows: germany1995.flows,
  output: germany1995.output,
  rowOutput: germany1995.totalUse,
  valueAdded: germany1995.valueAdded,
  compensation: germany1995.compensation,
  employment: germany1995.employment,
});

function expectWithin(actual: readonly number[], expected: readonly number[], skip: number[] = []): void {
  expected.forEach((v, i) => {
    if (!skip.includes(i))
      expect(Math.abs(actual[i] - v), `sector ${i}: ${actual[i]} vs ${v}`).toBeLessThanOrEqual(TOL);
  });
}

describe("input–output analysis against the Eurostat Manual's Germany 1995 table", () => {
  it("Leontief inverse diagonal (Table 15.10) within 1e-4", () => {
    for (const [sector, v] of Object.entries(germany1995Published.leontiefDiagonal)) {
      const i = germany1995.sectors.indexOf(sector);
      expect(Math.abs(result.leontiefInverse[i][i] - v)).toBeLessThanOrEqual(TOL);
    }
  });

  it("output multipliers and backward linkages within 1e-4", () => {
    expectWithin(result.outputMultipliers, germany1995Published.outputMultipliers);
    expectWithin(result.backwardLinkages, germany1995Published.outputMultipliers);
  });

  it("value-added and employment multipliers within 1e-4", () => {
    expectWithin(result.valueAddedMultipliers!.effect, germany1995Published.gvaMultipliers);
    expectWithin(result.employmentMultipliers!.effect, germany1995Published.employmentMultipliers);
  });

  it("forward linkages within 1e-4, except CPA_B-E whose printed 1.6691 transposes the definition's 1.6910", () => {
    const printed = germany1995Published.forwardLinkages;
    expectWithin(result.forwardLinkages, printed, [1]);
    const swapped = Number(String(printed[1]).replace("6691", "6910"));
    expect(Math.abs(result.forwardLinkages[1] - swapped)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(result.forwardLinkages[1] - printed[1])).toBeGreaterThan(0.01);
  });

  it("Leontief inverse really inverts I − A, and key sectors follow the normalised linkages", () => {
    const n = result.sectors.length;
    const A = result.technicalCoefficients;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += ((i === k ? 1 : 0) - A[i][k]) * result.leontiefInverse[k][j];
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
    const industry = result.sectors.indexOf("CPA_B-E");
    expect(result.normalisedBackward[industry]).toBeGreaterThan(1);
    expect(result.sectorClass[industry]).toBe(result.normalisedForward[industry] > 1 ? "key" : "backward");
    expect(result.incomeMultipliers!.typeI.every((m) => m >= 1)).toBe(true);
  });
});
