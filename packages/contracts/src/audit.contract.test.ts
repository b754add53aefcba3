import { describe, expect, it } from "vitest";
import { auditQuerySchema, calendarDaySchema } from "./audit.contract.ts";

describe("calendarDaySchema", () => {
  it("takes real days, leap days included", () => {
    for (const day of ["2026-12-07", "2024-02-29", "2000-02-29", "1999-12-31"]) {
      expect(calendarDaySchema.safeParse(day).success).toBe(true);
    }
  });

  it("refuses days with the right shape that do not exist (the fuzzer's 500 was 2469-82-44)", () => {
    for (const day of ["2469-82-44", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31"]) {
      expect(calendarDaySchema.safeParse(day).success).toBe(false);
    }
    expect(auditQuerySchema.safeParse({ from: "2469-82-44" }).success).toBe(false);
  });
});
