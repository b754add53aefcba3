import { describe, expect, it } from "vitest";
import {
  dea8Inputs,
  dea8InputsCcr,
  dea8Outputs,
  dea8OutputsCcr,
  dea11,
  dea11Expected,
  erg8,
  erg8Expected,
} from "../fixtures/dea-published.fixture.ts";
import type { DeaData } from "./dea-data.ts";
import { radialDea } from "./radial.ts";
import { sbm } from "./sbm.ts";

const TOL = 1e-6;
const data11: DeaData = { inputs: dea11.map((r) => [r[0], r[1]]), outputs: dea11.map((r) => [r[2]]) };

function expectClose(actual: readonly number[], expected: readonly number[], tol = TOL): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    expect(Math.abs(v - expected[i]), `index ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  });
}

/** Whether the published λ reproduces the published projection, i.e. is a second-stage (max-slack) solution. */
function publishedLambdaIsMaxSlack(
  o: number,
  lambda: Record<number, number>,
  theta: number,
  sx: number[],
  sy: number,
): boolean {
  const proj = [0, 0, 0];
  for (const [peer, w] of Object.entries(lambda)) {
    const row = dea11[Number(peer) - 1];
    for (let k = 0; k < 3; k++) proj[k] += w * row[k];
  }
  const row = dea11[o];
  return (
    Math.abs(proj[0] - (theta * row[0] - sx[0])) < 1e-6 &&
    Math.abs(proj[1] - (theta * row[1] - sx[1])) < 1e-6 &&
    Math.abs(proj[2] - (row[2] + sy)) < 1e-6
  );
}

describe("DEA against DataEnvelopmentAnalysis.jl published cases (11 units × 2 inputs × 1 output)", () => {
  const cases = [
    ["ccrInput", "crs", "input"],
    ["ccrOutput", "crs", "output"],
    ["bccInput", "vrs", "input"],
    ["bccOutput", "vrs", "output"],
  ] as const;
  for (const [key, rts, orientation] of cases) {
    it(`${key}: scores and two-phase slacks within 1e-6`, () => {
      const res = radialDea(data11, { rts, orientation });
      const exp = dea11Expected[key];
      expectClose(
        res.units.map((u) => u.efficiency),
        exp.efficiency,
      );
      res.units.forEach((u, o) => {
        expectClose(u.slacksX, exp.slacksX[o]);
        expectClose(u.slacksY, [exp.slacksY[o]]);
      });
    });
  }

  for (const key of ["ccrInput", "bccInput"] as const) {
    it(`${key}: peer weights equal the published ones wherever those are max-slack solutions`, () => {
      const exp = dea11Expected[key];
      const res = radialDea(data11, { rts: key === "ccrInput" ? "crs" : "vrs", orientation: "input" });
      let compared = 0;
      res.units.forEach((u, o) => {
        const published = exp.lambda[o + 1];
        const ours = Object.fromEntries(u.peers.map((p) => [Number(p.unit), p.weight]));
        // Every unit's own λ must reproduce its targets (x̂ = θx − s⁻, ŷ = y + s⁺).
        const proj = [0, 0, 0];
        for (const p of u.peers) for (let k = 0; k < 3; k++) proj[k] += p.weight * dea11[p.index][k];
        expectClose(proj, [...u.targetsX, ...u.targetsY]);
        if (publishedLambdaIsMaxSlack(o, published, exp.efficiency[o], exp.slacksX[o], exp.slacksY[o])) {
          compared++;
          expect(Object.keys(ours).sort()).toEqual(Object.keys(published).sort());
          for (const [peer, w] of Object.entries(published))
            expect(Math.abs(ours[Number(peer)] - w)).toBeLessThan(TOL);
        }
      });
      expect(compared).toBe(10);
    });
  }
});

describe("DEA against the two 8-unit CCR cases", () => {
  it("CCR input, 2 inputs and a unit output", () => {
    const res = radialDea(
      { inputs: dea8Inputs, outputs: dea8Inputs.map(() => [1]) },
      { orientation: "input" },
    );
    expectClose(
      res.units.map((u) => u.efficiency),
      dea8InputsCcr,
    );
  });
  it("CCR output, a unit input and 2 outputs", () => {
    const res = radialDea(
      { inputs: dea8Outputs.map(() => [1]), outputs: dea8Outputs },
      { orientation: "output" },
    );
    expectClose(
      res.units.map((u) => u.efficiency),
      dea8OutputsCcr,
    );
  });
});

describe("non-oriented SBM against the Enhanced Russell Graph case", () => {
  const data: DeaData = { inputs: erg8.map((r) => [r[0]]), outputs: erg8.map((r) => [r[1]]) };
  /** ρ of a projection (x − s⁻, y + s⁺) in Tone's form: (1 − s⁻/x) / (1 + s⁺/y). */
  const rhoOf = (o: number, sx: number, sy: number) => (1 - sx / erg8[o][0]) / (1 + sy / erg8[o][1]);
  const maxRatio = Math.max(...erg8.map(([x, y]) => y / x));

  for (const rts of ["crs", "vrs"] as const) {
    it(`${rts}: ρ within 1e-6 for every unit`, () => {
      expectClose(
        sbm(data, { rts }).units.map((u) => u.efficiency),
        erg8Expected[rts].efficiency,
      );
    });
  }

  it("vrs: slacks and t (β) equal the published ones (unit 8's printed to 4 decimals)", () => {
    const res = sbm(data, { rts: "vrs" });
    const exp = erg8Expected.vrs;
    expectClose(
      res.units.map((u) => u.t),
      exp.beta,
      1e-4,
    );
    expectClose(
      res.units.map((u) => u.slacksX[0]),
      exp.slacksX,
      1e-3,
    );
    expectClose(
      res.units.map((u) => u.slacksY[0]),
      exp.slacksY,
      1e-3,
    );
  });

  it("crs: the published slacks and ours are both optimal projections onto the CRS frontier", () => {
    // With one input and one output the CRS optimum is a whole edge: removing input or adding output
    // excess are equally good, and the published solver and ours stop at different vertices of it.
    const res = sbm(data, { rts: "crs" });
    const exp = erg8Expected.crs;
    res.units.forEach((u, o) => {
      for (const [sx, sy] of [
        [exp.slacksX[o], exp.slacksY[o]],
        [u.slacksX[0], u.slacksY[0]],
      ]) {
        expect(Math.abs(rhoOf(o, sx, sy) - exp.efficiency[o])).toBeLessThan(1e-6);
        const ratio = (erg8[o][1] + sy) / (erg8[o][0] - sx);
        expect(Math.abs(ratio - maxRatio)).toBeLessThan(1e-6);
      }
    });
  });
});
