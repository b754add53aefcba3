import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../shared/random.ts";
import { AnalyticsError } from "../errors.ts";
import { gearyC } from "./geary.ts";
import { localMoran } from "./lisa.ts";
import { moranI } from "./moran.ts";
import { buildWeights, latticeWeights, parseEdgeList, parseGal } from "./weights.ts";

describe("Moran's I of a randomly permuted variable", () => {
  it("averages to its expectation −1/(n−1) within a few standard errors", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 1, max: 2 ** 31 }), (side, seed) => {
        const w = latticeWeights(side, side, "r");
        const rand = mulberry32(seed);
        const y = Array.from({ length: side * side }, () => rand() * 10 + (rand() < 0.2 ? 20 : 0));
        const r = moranI(y, w, { permutations: 400, seed });
        const perm = r.permutation!;
        // Under permutation E[I] = −1/(n−1) exactly; the sample mean of 400 draws has sd ≈ sd/20.
        expect(Math.abs(perm.mean - r.expected)).toBeLessThan((4 * perm.sd) / Math.sqrt(400) + 1e-12);
        // The randomisation variance is the exact permutation variance; the sample sd must be near it.
        expect(Math.abs(perm.sd / Math.sqrt(r.varianceRandomisation) - 1)).toBeLessThan(0.25);
      }),
      { numRuns: 20 },
    );
  });
});

describe("Geary's C of a randomly permuted variable", () => {
  it("averages to 1 and its permutation spread matches the randomisation variance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 6 }), fc.integer({ min: 1, max: 2 ** 31 }), (side, seed) => {
        const w = latticeWeights(side, side, "r");
        const rand = mulberry32(seed);
        const y = Array.from({ length: side * side }, () => rand() * 10 + (rand() < 0.2 ? 20 : 0));
        const r = gearyC(y, w, { permutations: 400, seed });
        const perm = r.permutation!;
        expect(Math.abs(perm.mean - 1)).toBeLessThan((4 * perm.sd) / Math.sqrt(400) + 1e-12);
        expect(Math.abs(perm.sd / Math.sqrt(r.varianceRandomisation) - 1)).toBeLessThan(0.25);
      }),
      { numRuns: 20 },
    );
  });
});

describe("Geary's C and LISA", () => {
  it("a smooth gradient gives C < 1 and I > 0; a checkerboard gives C > 1 and I < 0", () => {
    const w = latticeWeights(5, 5, "b");
    const gradient = Array.from({ length: 25 }, (_, i) => Math.floor(i / 5) + (i % 5));
    const checker = Array.from({ length: 25 }, (_, i) => (Math.floor(i / 5) + (i % 5)) % 2);
    expect(gearyC(gradient, w, { permutations: 0 }).C).toBeLessThan(1);
    expect(moranI(gradient, w, { permutations: 0 }).I).toBeGreaterThan(0);
    expect(gearyC(checker, w, { permutations: 0 }).C).toBeGreaterThan(1);
    expect(moranI(checker, w, { permutations: 0 }).I).toBeLessThan(0);
  });

  it("local Moran values average to the global I under row-standardised weights (Σ I_i = n·I)", () => {
    const w = latticeWeights(4, 4, "r");
    const y = [5, 4, 1, 0, 6, 5, 1, 1, 7, 6, 2, 0, 8, 6, 2, 1];
    const local = localMoran(y, w, { permutations: 99 });
    const global = moranI(y, w, { permutations: 0 });
    const sum = local.reduce((a, u) => a + u.Ii, 0);
    expect(Math.abs(sum / 16 - global.I)).toBeLessThan(1e-12);
    expect(local[12].quadrant).toBe("HH");
    expect(local[3].quadrant).toBe("LL");
  });
});

describe("weights parsing", () => {
  it("GAL with an id column header and an edge list give the same weights", () => {
    const gal = parseGal("0 3 shapes CODE\nA 1\nB\nB 2\nA C\nC 1\nB\n");
    expect(gal.idVariable).toBe("CODE");
    const fromGal = buildWeights(["A", "B", "C"], gal.neighbours, "r");
    const fromEdges = buildWeights(["A", "B", "C"], parseEdgeList("from,to\nA,B\nB,C\n"), "r");
    expect(fromEdges.values.map((v) => [...v])).toEqual(fromGal.values.map((v) => [...v]));
    expect(fromGal.values[1][0]).toBe(0.5);
  });

  it("bad files and unknown ids get typed errors", () => {
    expect(() => parseGal("2\n1 2\n2\n")).toThrow(AnalyticsError);
    expect(() => buildWeights(["1", "2"], new Map([["1", ["9"]]]), "r")).toThrowError(/not in the data/);
    const caught = (() => {
      try {
        parseGal("3\n1 2\n2\n");
        return null;
      } catch (e) {
        return e as AnalyticsError;
      }
    })();
    expect(caught?.code).toBe("PARSE_ERROR");
    expect(caught?.location.row).toBe(3);
  });
});
