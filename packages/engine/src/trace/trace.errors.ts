import { EngineError, type ErrorPosition } from "../shared/engine-error.ts";

/** Machine-readable reasons a UDI, a ledger event or a chain export is refused. */
export type TraceErrorCode =
  | "EMPTY_UDI"
  | "UNKNOWN_AI"
  | "BAD_CHECK_DIGIT"
  | "BAD_DATE"
  | "FIELD_TOO_LONG"
  | "BAD_FIELD"
  | "DUPLICATE_AI"
  | "MISSING_GTIN"
  | "BAD_EVENT"
  | "BAD_KEY"
  | "BAD_EXPORT";

export class TraceError extends EngineError<TraceErrorCode> {
  readonly domain = "trace";
  constructor(code: TraceErrorCode, message: string, position: ErrorPosition = {}) {
    const unreadable = code === "EMPTY_UDI" || code === "BAD_EXPORT" || code === "UNKNOWN_AI";
    super(code, message, position, unreadable ? "unreadable" : "rejected");
  }
}
