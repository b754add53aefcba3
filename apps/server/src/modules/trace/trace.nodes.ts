import { formatUdi, parseUdi, TraceError, type Udi } from "@clusterbrain/engine/trace";
import { ValidationError } from "../../errors/index.ts";

/**
 * Names of the nodes of the lot graph. "|" occurs in no id and no lot code, so a node splits back
 * into its parts unambiguously.
 */
export const node = {
  lot: (orgId: string, code: string) => `lot|${orgId}|${code}`,
  ship: (orgId: string, code: string) => `ship|${orgId}|${code}`,
  org: (orgId: string) => `org|${orgId}`,
  /** A device: GTIN + serial, or GTIN + lot when it has no serial. */
  udi: (u: Udi) =>
    `udi|${formatUdi(u.serial !== undefined ? { gtin: u.gtin, serial: u.serial } : { gtin: u.gtin, lot: u.lot })}`,
};

export type ParsedNode =
  | { kind: "lot" | "ship"; orgId: string; code: string }
  | { kind: "org"; orgId: string }
  | { kind: "udi"; hri: string };

export function parseNode(name: string): ParsedNode | undefined {
  const parts = name.split("|");
  if ((parts[0] === "lot" || parts[0] === "ship") && parts.length === 3)
    return { kind: parts[0], orgId: parts[1], code: parts[2] };
  if (parts[0] === "org" && parts.length === 2) return { kind: "org", orgId: parts[1] };
  if (parts[0] === "udi" && parts.length === 2) return { kind: "udi", hri: parts[1] };
  return undefined;
}

/** A UDI from the API: an engine error becomes a 400 naming the field. */
export function udiField(text: string, field: string): Udi {
  try {
    return parseUdi(text);
  } catch (e) {
    if (e instanceof TraceError) throw ValidationError.field(field, `${e.message} [${e.code}]`);
    throw e;
  }
}
