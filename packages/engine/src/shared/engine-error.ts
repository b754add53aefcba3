/**
 * Where in the input a problem sits, one shape for every domain: `row`/`column` (1-based) for
 * files, `field` (a dotted path such as "orders[3].operations[0].hours") for structured input.
 */
export interface ErrorPosition {
  row?: number;
  column?: number | string;
  field?: string;
}

/**
 * How a caller should treat the error: `unreadable` input could not be parsed at all (HTTP 400),
 * `rejected` input was read but cannot be computed with (HTTP 422). Neither is ever a server fault.
 */
export type EngineErrorKind = "unreadable" | "rejected";

/**
 * Base of every engine error: a stable machine code per domain, a human message and a position.
 * The server's error handler maps any EngineError to 400/422 without knowing the domains.
 */
export abstract class EngineError<Code extends string = string> extends Error {
  /** Which engine domain raised it ("forecast", "mrp", …); with `code` it names the failure. */
  abstract readonly domain: string;
  readonly position: ErrorPosition;

  constructor(
    readonly code: Code,
    message: string,
    position: ErrorPosition = {},
    readonly kind: EngineErrorKind = "rejected",
  ) {
    super(message);
    this.name = new.target.name;
    this.position = position;
  }
}

/** "row 3, column 2" / "orders[1].hours" — a readable form of a position, "" when there is none. */
export function describePosition(position: ErrorPosition): string {
  const parts: string[] = [];
  if (position.row !== undefined) parts.push(`row ${position.row}`);
  if (position.column !== undefined) parts.push(`column ${position.column}`);
  if (position.field !== undefined) parts.push(position.field);
  return parts.join(", ");
}
