import { describe, expect, it } from "vitest";
import { eligibility } from "./policy-eligibility.ts";

const firm = { industryCode: "C3981", sizeBand: "medium" as const, district: "南湖区" };

describe("policy eligibility", () => {
  it("a notice without criteria is open to everyone", () => {
    expect(eligibility({ industryCodes: [], sizeBands: [], districts: [] }, firm)).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it("industry prefixes match with or without the section letter; every criterion must hold", () => {
    const r = eligibility(
      { industryCodes: ["398"], sizeBands: ["small", "medium"], districts: ["南湖区", "秀洲区"] },
      firm,
    );
    expect(r.eligible).toBe(true);
    expect(r.reasons.map((x) => [x.criterion, x.met])).toEqual([
      ["industry", true],
      ["size", true],
      ["district", true],
    ]);
    expect(eligibility({ industryCodes: ["C35"], sizeBands: [], districts: [] }, firm).eligible).toBe(false);
    const wrongDistrict = eligibility(
      { industryCodes: ["3981"], sizeBands: [], districts: ["平湖市"] },
      firm,
    );
    expect(wrongDistrict).toMatchObject({ eligible: false });
    expect(wrongDistrict.reasons[1]).toEqual({
      criterion: "district",
      required: ["平湖市"],
      actual: "南湖区",
      met: false,
    });
    expect(
      eligibility({ industryCodes: ["398"], sizeBands: [], districts: [] }, { ...firm, industryCode: "" })
        .eligible,
    ).toBe(false);
  });
});
