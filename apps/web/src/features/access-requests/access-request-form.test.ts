import { describe, expect, it } from "vitest";
import { defaultUntil, toAccessRequest } from "./access-request-form.ts";

describe("access request form", () => {
  it("trims the purpose and names the owner", () => {
    expect(toAccessRequest("org-b", { dataClass: "indicators", purpose: "  plan supply \n" })).toEqual({
      ownerOrgId: "org-b",
      dataClass: "indicators",
      purpose: "plan supply",
    });
  });
  it("proposes a year from today, with 29 February moved to the 28th", () => {
    expect(defaultUntil("2026-12-07")).toBe("2027-12-07");
    expect(defaultUntil("2028-02-29")).toBe("2029-02-28");
  });
});
