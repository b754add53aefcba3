import { describe, expect, it } from "vitest";
import { numericColumn, parseCsv } from "./csv.ts";
import type { AnalyticsError } from "./errors.ts";

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, CRLF and a BOM", () => {
    const t = parseCsv('\ufeffname,v\r\n"a, b",1\r\n"say ""hi""",2\r\n');
    expect(t.header).toEqual(["name", "v"]);
    expect(t.rows).toEqual([
      ["a, b", "1"],
      ['say "hi"', "2"],
    ]);
    expect(numericColumn(t, "v")).toEqual([1, 2]);
  });
  it("names the row and column of a bad cell", () => {
    const t = parseCsv("x\n1\nabc\n");
    const err = (() => {
      try {
        numericColumn(t, "x");
        return null;
      } catch (e) {
        return e as AnalyticsError;
      }
    })();
    expect(err?.location).toEqual({ row: 3, column: "x" });
    expect(() => parseCsv("a,b\n1\n")).toThrowError(/row 2 has 1 fields/);
  });
});
