import { createHash } from "node:crypto";

const MAX_ENTRIES = 32;
const memo = new Map<string, unknown>();

/**
 * Engine results keyed by a hash of their exact input: the same data gives the same answer without
 * re-solving hundreds of LPs; changed data is a new key, so nothing goes stale.
 */
export function memoised<T>(kind: string, input: unknown, compute: () => T): T {
  const key = `${kind}:${createHash("sha256").update(JSON.stringify(input)).digest("hex")}`;
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return value;
}
