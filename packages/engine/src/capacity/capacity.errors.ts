export type CapacityErrorCode =
  | "UNKNOWN_RESOURCE"
  | "UNKNOWN_ORDER"
  | "DUPLICATE_ID"
  | "INVALID_NUMBER"
  | "INVALID_PERIOD"
  | "NO_ALTERNATIVE"
  | "SOLVER_FAILED";

export class CapacityError extends Error {
  override readonly name = "CapacityError";
  constructor(
    readonly code: CapacityErrorCode,
    message: string,
    /** Dotted path into the input, e.g. "orders[3].operations[0].alternatives[1].hours". */
    readonly path?: string,
  ) {
    super(message);
  }
}
