import { describe, expect, it } from "vitest";
import {
  lattice3x3VariancePublished,
  stlGal,
  stlHomicide8893,
  stlMoranPublished,
} from "../fixtures/spatial-published.fixture.ts";
import { moranI } from "./moran.ts";
import { buildWeights, latticeWeights, parseGal } from "./weights.ts";

describe("Moran's I against esda's published St Louis case", () => {
  const gal = parseGal(stlGal);
  const ids = stlHomicide8893.map((_, i) => String(i + 1));
  const w = buildWeights(ids, gal.neighbours, "r");

  it("parses the GAL file: 78 units, no id column in the header", () => {
    expect(gal.n).toBe(78);
    expect(gal.idVariable).toBeUndefined();
    expect(gal.neighbours.get("1")).toEqual(["7", "3", "6"]);
  });

  it("I and the one-tailed normal p-value within 1e-6 (p relative)", () => {
    const r = moranI(stlHomicide8893, w, { permutations: 0 });
    expect(Math.abs(r.I - stlMoranPublished.I)).toBeLessThan(1e-6);
    expect(Math.abs(r.pNormalOneTailed / stlMoranPublished.pNormOneTailed - 1)).toBeLessThan(1e-6);
    expect(r.permutation).toBeNull();
  });

  it("permutation inference is reproducible for a seed and agrees with the normal test here", () => {
    const a = moranI(stlHomicide8893, w, { permutations: 199, seed: 7 });
    const b = moranI(stlHomicide8893, w, { permutations: 199, seed: 7 });
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation?.p).toBeLessThan(0.01);
  });
});

describe("Moran's I variance against esda's 3×3 lattice case", () => {
  it("randomisation and normal variances with binary rook weights", () => {
    const r = moranI([1, 2, 3, 4, 5, 6, 7, 8, 9], latticeWeights(3, 3, "b"), { permutations: 0 });
    expect(Math.abs(r.varianceRandomisation - lattice3x3VariancePublished.VI_rand)).toBeLessThan(1e-12);
    expect(Math.abs(r.varianceNormal - lattice3x3VariancePublished.VI_norm)).toBeLessThan(1e-12);
  });
});
