import { EngineError } from "../shared/engine-error.ts";

export type ScheduleErrorCode = "PARSE_ERROR" | "INVALID_INSTANCE" | "PRECEDENCE_CYCLE" | "INVALID_OPTIONS";

/** Typed error for bad input: a code, a message and, for files, the 1-based line and column. */
export class ScheduleError extends EngineError<ScheduleErrorCode> {
  readonly domain = "schedule";
  readonly line?: number;
  readonly column?: number;

  constructor(code: ScheduleErrorCode, message: string, position?: { line: number; column: number }) {
    super(
      code,
      position ? `${message} (line ${position.line}, column ${position.column})` : message,
      position ? { row: position.line, column: position.column } : {},
      code === "PARSE_ERROR" ? "unreadable" : "rejected",
    );
    this.line = position?.line;
    this.column = position?.column;
  }
}
