import type { EligibilityReason, SizeBand } from "@clusterbrain/contracts";

export interface Criteria {
  industryCodes: readonly string[];
  sizeBands: readonly SizeBand[];
  districts: readonly string[];
}

export interface OrgFacts {
  industryCode: string;
  sizeBand: SizeBand;
  district: string;
}

/** "C3981" and "3981" are the same class (GB/T 4754 with or without the section letter). */
const digits = (code: string) =>
  code
    .trim()
    .toUpperCase()
    .replace(/^[A-Z]/, "");

/**
 * Whether an org meets a notice's criteria, with one reason per criterion the notice sets: the
 * industry code starts with one of the listed prefixes, the size band is listed, the district is
 * listed. A notice without criteria is open to everyone (eligible, no reasons).
 */
export function eligibility(
  criteria: Criteria,
  org: OrgFacts,
): { eligible: boolean; reasons: EligibilityReason[] } {
  const reasons: EligibilityReason[] = [];
  if (criteria.industryCodes.length)
    reasons.push({
      criterion: "industry",
      required: [...criteria.industryCodes],
      actual: org.industryCode,
      met:
        org.industryCode !== "" &&
        criteria.industryCodes.some((p) => digits(org.industryCode).startsWith(digits(p))),
    });
  if (criteria.sizeBands.length)
    reasons.push({
      criterion: "size",
      required: [...criteria.sizeBands],
      actual: org.sizeBand,
      met: criteria.sizeBands.includes(org.sizeBand),
    });
  if (criteria.districts.length)
    reasons.push({
      criterion: "district",
      required: [...criteria.districts],
      actual: org.district,
      met: criteria.districts.includes(org.district),
    });
  return { eligible: reasons.every((r) => r.met), reasons };
}
