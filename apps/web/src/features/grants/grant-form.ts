import type { DataClass, GrantCreateRequest } from "@clusterbrain/contracts";

export interface GrantFormValues {
  granteeOrgId: string;
  dataClass: DataClass;
  purpose: string;
  /** yyyy-mm-dd from a date input. */
  until: string;
}

/** A grant lasts through the chosen day: it expires at the end of that day, China time (UTC+8). */
export function untilToExpiresAt(until: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error(`not a yyyy-mm-dd date: ${until}`);
  return `${until}T23:59:59+08:00`;
}

/** True when the chosen day is strictly after `today` (both yyyy-mm-dd, so string order is date order). */
export function isFutureDay(until: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(until) && until > today;
}

export function toGrantRequest(values: GrantFormValues): GrantCreateRequest {
  return {
    granteeOrgId: values.granteeOrgId,
    dataClass: values.dataClass,
    purpose: values.purpose.trim(),
    expiresAt: untilToExpiresAt(values.until),
  };
}
