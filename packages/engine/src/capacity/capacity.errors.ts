import { EngineError } from "../shared/engine-error.ts";

export type CapacityErrorCode =
  | "UNKNOWN_RESOURCE"
  | "UNKNOWN_ORDER"
  | "DUPLICATE_ID"
  | "INVALID_NUMBER"
  | "INVALID_PERIOD"
  | "NO_ALTERNATIVE"
  | "SOLVER_FAILED";

export class CapacityError extends EngineError<CapacityErrorCode> {
  readonly domain = "capacity";
  constructor(
    code: CapacityErrorCode,
    message: string,
    /** Dotted path into the input, e.g. "orders[3].operations[0].alternatives[1].hours". */
    readonly path?: string,
  ) {
    super(code, message, path === undefined ? {} : { field: path });
  }
}
