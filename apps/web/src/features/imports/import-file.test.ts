import { IMPORT_MAX_BYTES } from "@clusterbrain/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileProblem, formatOf, toBase64 } from "./import-file.ts";

describe("import files", () => {
  it("recognises .csv and .xlsx whatever the case, nothing else", () => {
    expect(formatOf("orgs.CSV")).toBe("csv");
    expect(formatOf("机构名录.xlsx")).toBe("xlsx");
    expect(formatOf("orgs.xls")).toBeNull();
    expect(formatOf("csv")).toBeNull();
  });

  it("refuses other formats and files over the limit before sending them", () => {
    expect(fileProblem("a.txt", 10)).toBe("badFormat");
    expect(fileProblem("a.csv", IMPORT_MAX_BYTES + 1)).toBe("tooLarge");
    expect(fileProblem("a.csv", IMPORT_MAX_BYTES)).toBeNull();
  });

  it("encodes bytes exactly as Node's base64 does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      }),
      { numRuns: 30 },
    );
  });
});
