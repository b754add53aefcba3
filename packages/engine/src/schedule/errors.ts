export type ScheduleErrorCode = "PARSE_ERROR" | "INVALID_INSTANCE" | "PRECEDENCE_CYCLE" | "INVALID_OPTIONS";

/** Typed error for bad input: a code, a message and, for files, the 1-based line and column. */
export class ScheduleError extends Error {
  readonly code: ScheduleErrorCode;
  readonly line?: number;
  readonly column?: number;

  constructor(code: ScheduleErrorCode, message: string, position?: { line: number; column: number }) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = "ScheduleError";
    this.code = code;
    this.line = position?.line;
    this.column = position?.column;
  }
}
