import type { ImportReport } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { formatReport } from "./import.command.ts";

const report: ImportReport = {
  entity: "orgs",
  format: "csv",
  mode: "all-or-nothing",
  dryRun: true,
  totalRows: 100,
  validRows: 99,
  invalidRows: 1,
  written: 0,
  committed: false,
  ignoredColumns: ["备注"],
  issues: [{ row: 13, column: "uscc", code: "INVALID_USCC", message: "check character is wrong" }],
  createdIds: [],
};

describe("formatReport", () => {
  it("gives a summary line, the ignored columns and one line per bad cell", () => {
    expect(formatReport("orgs.csv", report).split("\n")).toEqual([
      "orgs.csv: orgs, 100 rows, 99 valid, 1 with problems — dry run, nothing written (all-or-nothing)",
      "  ignored columns: 备注",
      "  row 13, uscc: INVALID_USCC — check character is wrong",
    ]);
  });

  it("says how many rows a committed run wrote", () => {
    const done = { ...report, dryRun: false, mode: "valid-rows" as const, written: 99, committed: true };
    expect(formatReport("orgs.csv", done).split("\n")[0]).toMatch(/99 written \(valid-rows\)$/);
  });
});
