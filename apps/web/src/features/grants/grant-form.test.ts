import { grantCreateRequestSchema } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { isFutureDay, toGrantRequest, untilToExpiresAt } from "./grant-form.ts";

describe("grant form", () => {
  it("turns the chosen day into an end-of-day timestamp the contract accepts", () => {
    const body = toGrantRequest({
      granteeOrgId: "org-1",
      dataClass: "indicators",
      purpose: "  联合申报 ",
      until: "2027-03-31",
    });
    expect(body.expiresAt).toBe("2027-03-31T23:59:59+08:00");
    expect(body.purpose).toBe("联合申报");
    expect(grantCreateRequestSchema.safeParse(body).success).toBe(true);
  });

  it("rejects malformed dates instead of sending them", () => {
    expect(() => untilToExpiresAt("31/03/2027")).toThrow(/yyyy-mm-dd/);
  });

  it("accepts only days after today", () => {
    expect(isFutureDay("2026-11-28", "2026-11-27")).toBe(true);
    expect(isFutureDay("2026-11-27", "2026-11-27")).toBe(false);
    expect(isFutureDay("", "2026-11-27")).toBe(false);
  });
});
