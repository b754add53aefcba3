import { describe, expect, it } from "vitest";
import { formatChainReport } from "./audit.command.ts";

const head = "ab".repeat(32);

describe("audit verify output", () => {
  it("an intact chain gives the row count and the head hash to keep elsewhere", () => {
    expect(formatChainReport({ ok: true, rowsChecked: 20, headHash: head, firstBreak: null })).toBe(
      `audit chain intact: 20 rows, head ${head}`,
    );
  });

  it("a break names the first bad row and says whether it was changed, unlinked or cut off", () => {
    const at = (reason: "ROW_CHANGED" | "LINK_BROKEN" | "TAIL_MISSING") =>
      formatChainReport({ ok: false, rowsChecked: 11, headHash: head, firstBreak: { id: 24, reason } });
    expect(at("ROW_CHANGED")).toMatch(
      /^audit chain BROKEN at row 24: .*was changed.*; 11 rows before it verify$/,
    );
    expect(at("LINK_BROKEN")).toMatch(/row before it was deleted/);
    expect(at("TAIL_MISSING")).toMatch(/newest rows were deleted/);
  });
});
