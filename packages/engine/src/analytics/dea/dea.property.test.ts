import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalyticsError } from "../errors.ts";
import { crossEfficiency } from "./cross-efficiency.ts";
import type { DeaData } from "./dea-data.ts";
import { radialDea } from "./radial.ts";
import { sbm, superSbm } from "./sbm.ts";
import { superEfficiency } from "./super-efficiency.ts";

const positive = fc.double({ min: 0.5, max: 1000, noNaN: true });
const dataArb = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    m: fc.integer({ min: 1, max: 3 }),
    s: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ n, m, s }) =>
    fc.record({
      inputs: fc.array(fc.array(positive, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      outputs: fc.array(fc.array(positive, { minLength: s, maxLength: s }), { minLength: n, maxLength: n }),
    }),
  );

const scores = (d: DeaData, rts: "crs" | "vrs", orientation: "input" | "output" = "input") =>
  radialDea(d, { rts, orientation, slacks: false }).units.map((u) => u.score);

describe("DEA invariants", () => {
  it("CCR and BCC scores lie in (0, 1] in both orientations, BCC ≥ CCR, and at least one unit is efficient", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        for (const orientation of ["input", "output"] as const) {
          const c = scores(d, "crs", orientation);
          const b = scores(d, "vrs", orientation);
          c.forEach((v, i) => {
            expect(v).toBeGreaterThan(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-9);
            expect(b[i]).toBeLessThanOrEqual(1 + 1e-9);
            expect(b[i]).toBeGreaterThanOrEqual(v - 1e-9);
          });
          expect(Math.max(...c)).toBeGreaterThan(1 - 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("CCR scores do not change when an input is re-expressed in another unit (e.g. yuan → 10k yuan)", () => {
    fc.assert(
      fc.property(dataArb, fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (d, factor) => {
        const scaled: DeaData = {
          inputs: d.inputs.map((r) => [r[0] * factor, ...r.slice(1)]),
          outputs: d.outputs,
        };
        const a = scores(d, "crs");
        const b = scores(scaled, "crs");
        a.forEach((v, i) => {
          expect(Math.abs(v - b[i])).toBeLessThan(1e-7);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("adding a unit dominated by an existing one changes no other unit's CCR or BCC score", () => {
    fc.assert(
      fc.property(dataArb, fc.nat(), fc.double({ min: 1, max: 3, noNaN: true }), (d, pick, worse) => {
        const k = pick % d.inputs.length;
        const extended: DeaData = {
          inputs: [...d.inputs, d.inputs[k].map((x) => x * worse)],
          outputs: [...d.outputs, d.outputs[k].map((y) => y / worse)],
        };
        for (const rts of ["crs", "vrs"] as const) {
          const before = scores(d, rts);
          const after = scores(extended, rts);
          before.forEach((v, i) => {
            expect(Math.abs(v - after[i])).toBeLessThan(1e-7);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("super-efficiency equals CCR for inefficient units and is ≥ 1 exactly for the efficient ones", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const c = scores(d, "crs");
        const sup = superEfficiency(d).units;
        c.forEach((v, i) => {
          const se = sup[i].efficiency!;
          if (v < 1 - 1e-7) expect(Math.abs(se - v)).toBeLessThan(1e-7);
          else expect(se).toBeGreaterThanOrEqual(1 - 1e-9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("SBM ≤ input-oriented CCR, super-SBM ≥ 1 for SBM-efficient units, cross-efficiency ≤ CCR", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const c = scores(d, "crs");
        const s = sbm(d).units;
        const ss = superSbm(d).units;
        const aggressive = crossEfficiency(d, { mode: "aggressive" });
        const benevolent = crossEfficiency(d, { mode: "benevolent" });
        s.forEach((u, i) => {
          expect(u.efficiency).toBeLessThanOrEqual(c[i] + 1e-8);
          expect(u.efficiency).toBeGreaterThan(0);
          if (u.efficiency > 1 - 1e-9) expect(ss[i].efficiency!).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(aggressive.meanIncludingSelf[i]).toBeLessThanOrEqual(c[i] + 1e-8);
          expect(Math.abs(aggressive.matrix[i][i] - c[i])).toBeLessThan(1e-6);
        });
        // Doyle–Green's secondary goal orders the aggregate ratio u·Σy_k / v·Σx_k over the other units.
        const aggregate = (w: { v: number[]; u: number[] }, dIdx: number) => {
          let num = 0;
          let den = 0;
          d.inputs.forEach((x, k) => {
            if (k === dIdx) return;
            w.u.forEach((uu, r) => {
              num += uu * d.outputs[k][r];
            });
            w.v.forEach((vv, i) => {
              den += vv * x[i];
            });
          });
          return num / den;
        };
        aggressive.weights.forEach((w, dIdx) => {
          expect(aggregate(w, dIdx)).toBeLessThanOrEqual(
            aggregate(benevolent.weights[dIdx], dIdx) * (1 + 1e-7) + 1e-9,
          );
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe("DEA data conventions", () => {
  it("negative, non-finite and all-zero data get typed errors naming the unit", () => {
    const bad = (inputs: number[][], outputs: number[][]) => {
      try {
        radialDea({ inputs, outputs, units: ["A", "B"] });
        return null;
      } catch (e) {
        return e as AnalyticsError;
      }
    };
    expect(bad([[1], [-1]], [[1], [1]])?.code).toBe("NEGATIVE_VALUE");
    expect(bad([[1], [Number.NaN]], [[1], [1]])?.code).toBe("NON_FINITE_VALUE");
    expect(bad([[1], [1]], [[1], [0]])?.location.unit).toBe("B");
    expect(bad([[0], [1]], [[1], [1]])?.code).toBe("NO_POSITIVE_INPUT");
  });

  it("VRS super-efficiency reports an infeasible unit as null with a status, never NaN", () => {
    const res = superEfficiency(
      {
        inputs: [[1], [2], [3]],
        outputs: [[1], [3], [4]],
      },
      { rts: "vrs" },
    );
    expect(res.units[2].status).toBe("infeasible");
    expect(res.units[2].efficiency).toBeNull();
    expect(res.units.every((u) => u.efficiency === null || Number.isFinite(u.efficiency))).toBe(true);
  });
});
