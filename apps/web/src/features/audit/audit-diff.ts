export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The fields an audited write changed, compared by JSON value, in key order. A create has no
 * "before" and a delete no "after"; non-object snapshots count as one change under "(value)".
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isPlainObject(b) || !isPlainObject(a)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: "(value)", before, after }];
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: b[k], after: a[k] }));
}

/** Short, single-line rendering of a snapshot value for a table cell. */
export function showValue(value: unknown, max = 120): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Actions the log's filter offers, each shown by its readable name (`auditAction.*`). */
export const AUDIT_ACTIONS = [
  "org.create",
  "org.update",
  "org.import",
  "relation.create",
  "relation.delete",
  "relation.import",
  "indicators.upsert",
  "grant.create",
  "grant.revoke",
  "grant.read",
  "membership.create",
  "membership.update",
  "membership.delete",
  "invitation.create",
  "invitation.accept",
  "invitation.revoke",
  "demo.load",
] as const;
