import type { AccessRequestCreate, DataClass } from "@clusterbrain/contracts";

export interface AccessRequestFormValues {
  dataClass: DataClass;
  purpose: string;
}

export function toAccessRequest(ownerOrgId: string, values: AccessRequestFormValues): AccessRequestCreate {
  return { ownerOrgId, dataClass: values.dataClass, purpose: values.purpose.trim() };
}

/** The default end of an approved grant: the same day next year (yyyy-mm-dd). */
export function defaultUntil(today: string): string {
  const [y, m, d] = today.split("-").map(Number);
  // 29 February becomes 28 February in a year that has none.
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
