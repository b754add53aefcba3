import { EngineError } from "../shared/engine-error.ts";

/** Every analytics failure carries a stable code so the CLI and server can map it without parsing text. */
export type AnalyticsErrorCode =
  | "INVALID_INPUT"
  | "DIMENSION_MISMATCH"
  | "NON_FINITE_VALUE"
  | "NEGATIVE_VALUE"
  | "NO_POSITIVE_INPUT"
  | "NO_POSITIVE_OUTPUT"
  | "LP_INFEASIBLE"
  | "LP_UNBOUNDED"
  | "LP_ITERATION_LIMIT"
  | "SINGULAR_MATRIX"
  | "PARSE_ERROR"
  | "UNKNOWN_ID";

export interface AnalyticsErrorLocation {
  row?: number;
  column?: string;
  unit?: string;
}

export class AnalyticsError extends EngineError<AnalyticsErrorCode> {
  readonly domain = "analytics";
  readonly location: AnalyticsErrorLocation;

  constructor(code: AnalyticsErrorCode, message: string, location: AnalyticsErrorLocation = {}) {
    super(
      code,
      message,
      { row: location.row, column: location.column, field: location.unit },
      code === "PARSE_ERROR" ? "unreadable" : "rejected",
    );
    this.location = location;
  }
}

/** Throws NON_FINITE_VALUE when any entry is NaN or infinite; `what` names the data for the message. */
export function assertFiniteMatrix(rows: readonly (readonly number[])[], what: string): void {
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) {
        throw new AnalyticsError("NON_FINITE_VALUE", `${what}[${i}][${j}] is ${v}`, { row: i + 1 });
      }
    });
  });
}

export function assertFiniteVector(values: readonly number[], what: string): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new AnalyticsError("NON_FINITE_VALUE", `${what}[${i}] is ${v}`, { row: i + 1 });
    }
  });
}
