import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { isHeader, parseSeriesCsv, parseSeriesRow, parseTimestamp } from "./series-csv.ts";

describe("timestamp,value CSV rows", () => {
  it("reads NAB timestamps as UTC, ISO with zones, and epoch numbers", () => {
    expect(parseTimestamp("2014-07-01 00:30:00")).toBe(Date.UTC(2014, 6, 1, 0, 30));
    expect(parseTimestamp("2014-07-01T08:30:00+08:00")).toBe(Date.UTC(2014, 6, 1, 0, 30));
    expect(parseTimestamp("1404174600000")).toBe(1404174600000);
  });

  it("detects the header and keeps empty values as missing readings", () => {
    expect(isHeader("timestamp,value")).toBe(true);
    expect(isHeader("2014-07-01 00:00:00,1")).toBe(false);
    const rows = parseSeriesCsv("timestamp,value\n2014-07-01 00:00:00,1.5\n2014-07-01 00:05:00,\n");
    expect(rows.map((r) => r.value)).toEqual([1.5, Number.NaN]);
    expect(rows[0].raw).toBe("2014-07-01 00:00:00");
  });

  it("reports bad cells with row and column", () => {
    expect(() => parseSeriesRow("2014-07-01 00:00:00,abc", 7)).toThrow(/row 7: column 2/);
    expect(() => parseSeriesRow("yesterday,1", 3)).toThrow(MonitorError);
    expect(() => parseSeriesRow("12", 4)).toThrow(/timestamp,value/);
  });
});
