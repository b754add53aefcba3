import { describe, expect, it } from "vitest";
import { ScheduleError } from "./errors.ts";
import { FT06_TEXT, MK01_TEXT } from "./fixtures/benchmarks.ts";
import { parseBrandimarte } from "./parse-brandimarte.ts";
import { parseJobShop } from "./parse-jobshop.ts";

function parseError(fn: () => unknown): ScheduleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScheduleError) return err;
    throw err;
  }
  throw new Error("expected a ScheduleError");
}

describe("parseJobShop", () => {
  it("reads ft06: 6 jobs, 6 machines, 0-based machines in file order", () => {
    const inst = parseJobShop(FT06_TEXT, "ft06");
    expect(inst.machineCount).toBe(6);
    expect(inst.jobs).toHaveLength(6);
    expect(inst.jobs[0].operations[0].alternatives).toEqual([{ machine: 2, duration: 1 }]);
    expect(inst.jobs[5].operations[5].alternatives).toEqual([{ machine: 2, duration: 1 }]);
    const total = inst.jobs.flatMap((j) => j.operations).reduce((s, o) => s + o.alternatives[0].duration, 0);
    expect(total).toBe(197);
  });

  it("skips # comment lines", () => {
    const inst = parseJobShop("# a comment\n1 2\n0 3 1 4\n");
    expect(inst.jobs[0].operations.map((o) => o.alternatives[0])).toEqual([
      { machine: 0, duration: 3 },
      { machine: 1, duration: 4 },
    ]);
  });

  it("reports a bad token with its line and column", () => {
    const err = parseError(() => parseJobShop("1 2\n0 3 x 4\n"));
    expect(err.code).toBe("PARSE_ERROR");
    expect(err.line).toBe(2);
    expect(err.column).toBe(5);
  });

  it("rejects a machine outside 0..m-1, a truncated file and extra values", () => {
    expect(parseError(() => parseJobShop("1 2\n0 3 2 4\n")).line).toBe(2);
    expect(parseError(() => parseJobShop("2 2\n0 3 1 4\n")).message).toMatch(/end of file/);
    expect(parseError(() => parseJobShop("1 1\n0 3 7\n")).message).toMatch(/extra value/);
  });
});

describe("parseBrandimarte", () => {
  it("reads mk01 with 1-based machines renumbered from 0", () => {
    const inst = parseBrandimarte(MK01_TEXT, "mk01");
    expect(inst.machineCount).toBe(6);
    expect(inst.jobs).toHaveLength(10);
    expect(inst.jobs[0].operations).toHaveLength(6);
    // First op of job 0: "2  1 5 3 4" = two machines: 1→0 for 5, 3→2 for 4.
    expect(inst.jobs[0].operations[0].alternatives).toEqual([
      { machine: 0, duration: 5 },
      { machine: 2, duration: 4 },
    ]);
    expect(inst.jobs.reduce((s, j) => s + j.operations.length, 0)).toBe(55);
  });

  it("accepts a fractional average-flexibility header and a header without it", () => {
    expect(parseBrandimarte("1 2 1.5\n1 2 1 3 2 4\n").jobs[0].operations[0].alternatives).toHaveLength(2);
    expect(parseBrandimarte("1 2\n1 1 2 7\n").jobs[0].operations[0].alternatives).toEqual([
      { machine: 1, duration: 7 },
    ]);
  });

  it("rejects machine 0 (the format is 1-based) with a position", () => {
    const err = parseError(() => parseBrandimarte("1 2 1\n1 1 0 7\n"));
    expect(err.code).toBe("PARSE_ERROR");
    expect(err.line).toBe(2);
    expect(err.column).toBe(5);
  });
});
