import { EngineError } from "../shared/engine-error.ts";

/** Why a forecast request was refused; stable codes so callers (CLI, server) can map them. */
export type ForecastErrorCode =
  | "EMPTY_SERIES"
  | "TOO_SHORT"
  | "NOT_FINITE"
  | "NEGATIVE_VALUE"
  | "BAD_HORIZON"
  | "BAD_PERIOD"
  | "BAD_LEVEL"
  | "UNKNOWN_METHOD"
  | "BAD_INPUT_FILE"
  | "ABORTED";

export interface ForecastErrorDetail {
  /** Series id when the error concerns one series of a batch. */
  seriesId?: string;
  /** 1-based position in the series (or row/column in a file). */
  index?: number;
  row?: number;
  column?: number;
}

export class ForecastError extends EngineError<ForecastErrorCode> {
  readonly domain = "forecast";
  constructor(
    code: ForecastErrorCode,
    message: string,
    readonly detail: ForecastErrorDetail = {},
  ) {
    super(
      code,
      message,
      {
        row: detail.row ?? detail.index,
        column: detail.column,
        field: detail.seriesId === undefined ? undefined : `series ${detail.seriesId}`,
      },
      code === "BAD_INPUT_FILE" ? "unreadable" : "rejected",
    );
  }
}
