import { describe, expect, it } from "vitest";
import { type DenseLp, solveDenseLp } from "./dense-simplex.ts";

/** Builds a column-major LP from row-major rows for readability. */
function lp(
  rows: number[][],
  b: number[],
  senses: DenseLp["senses"],
  c: number[],
  maximize = false,
): DenseLp {
  const m = rows.length;
  const n = c.length;
  const a = new Float64Array(m * n);
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      a[j * m + i] = v;
    });
  });
  return { nRows: m, nCols: n, a, b: Float64Array.from(b), senses, c: Float64Array.from(c), maximize };
}

describe("dense simplex", () => {
  it("solves a textbook maximisation and returns its shadow prices", () => {
    // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), z = 36, duals (0, 1.5, 1).
    const r = solveDenseLp(
      lp(
        [
          [1, 0],
          [0, 2],
          [3, 2],
        ],
        [4, 12, 18],
        ["le", "le", "le"],
        [3, 5],
        true,
      ),
    );
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(36, 10);
    expect([...r.x]).toEqual([expect.closeTo(2, 10), expect.closeTo(6, 10)]);
    expect([...r.duals]).toEqual([expect.closeTo(0, 10), expect.closeTo(1.5, 10), expect.closeTo(1, 10)]);
  });

  it("handles ≥ and = rows with negative right-hand sides", () => {
    // min x + y s.t. x + y ≥ 2, x − y = −1 → x = 0.5, y = 1.5.
    const r = solveDenseLp(
      lp(
        [
          [1, 1],
          [1, -1],
        ],
        [2, -1],
        ["ge", "eq"],
        [1, 1],
      ),
    );
    expect(r.status).toBe("optimal");
    expect(r.x[0]).toBeCloseTo(0.5, 12);
    expect(r.x[1]).toBeCloseTo(1.5, 12);
  });

  it("reports infeasible and unbounded programmes", () => {
    expect(solveDenseLp(lp([[1], [1]], [1, 2], ["le", "ge"], [1])).status).toBe("infeasible");
    expect(solveDenseLp(lp([[1, -1]], [1], ["le"], [1, 1], true)).status).toBe("unbounded");
  });

  it("survives redundant equality rows and heavy degeneracy", () => {
    const r = solveDenseLp(
      lp(
        [
          [1, 1, 1],
          [2, 2, 2],
          [1, 0, 0],
        ],
        [1, 2, 0],
        ["eq", "eq", "ge"],
        [1, 2, 3],
      ),
    );
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(1, 12);
  });
});
