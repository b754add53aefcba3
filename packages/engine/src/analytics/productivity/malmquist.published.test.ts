import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { malmquist5x3, malmquist5x3Published } from "../fixtures/malmquist-published.fixture.ts";
import { malmquist, type Panel } from "./malmquist.ts";

const panel: Panel = {
  periods: ["1", "2", "3"],
  data: malmquist5x3.map((period) => ({
    inputs: period.map((u) => [u[0]]),
    outputs: period.map((u) => [u[1]]),
  })),
};

describe("Malmquist index against DataEnvelopmentAnalysis.jl's published 5-unit, 3-period case", () => {
  for (const orientation of ["input", "output"] as const) {
    it(`${orientation} orientation: M, EC and TC within the source's 1e-7`, () => {
      const rows = malmquist(panel, { orientation });
      const tol = malmquist5x3Published.tolerance;
      rows.forEach((r) => {
        const unit = Number(r.unit) - 1;
        const step = Number(r.from) - 1;
        expect(Math.abs(r.M - malmquist5x3Published.M[unit][step])).toBeLessThan(tol);
        expect(Math.abs(r.EC - malmquist5x3Published.EC[unit][step])).toBeLessThan(tol);
        expect(Math.abs(r.TC - malmquist5x3Published.TC[unit][step])).toBeLessThan(tol);
      });
      expect(rows).toHaveLength(10);
    });
  }
});

describe("Malmquist closed form with one input and one output", () => {
  it("under CRS, M is the unit's own productivity ratio (y1/x1)/(y0/x0) whatever the other units do", () => {
    const unitArb = fc.tuple(
      fc.double({ min: 1, max: 100, noNaN: true }),
      fc.double({ min: 1, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(unitArb, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 3 }),
        (periods) => {
          const p: Panel = {
            periods: periods.map((_, t) => String(2020 + t)),
            data: periods.map((units) => ({
              inputs: units.map((u) => [u[0]]),
              outputs: units.map((u) => [u[1]]),
            })),
          };
          for (const r of malmquist(p)) {
            const t = Number(r.from) - 2020;
            const o = Number(r.unit) - 1;
            const [x0, y0] = periods[t][o];
            const [x1, y1] = periods[t + 1][o];
            expect(Math.abs(r.M / (y1 / x1 / (y0 / x0)) - 1)).toBeLessThan(1e-9);
            expect(r.PEC).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
