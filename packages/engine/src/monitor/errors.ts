import { EngineError } from "../shared/engine-error.ts";

/** Typed error for bad monitoring input: a stable code plus a human message (row when it comes from a file). */
export type MonitorErrorCode =
  | "EMPTY_INPUT"
  | "BAD_PARAMETER"
  | "BAD_SUBGROUP"
  | "BAD_WINDOW"
  | "BAD_SNAPSHOT"
  | "UNKNOWN_DETECTOR"
  | "BAD_EVENT";

export class MonitorError extends EngineError<MonitorErrorCode> {
  readonly domain = "monitor";
  readonly row: number | undefined;

  constructor(code: MonitorErrorCode, message: string, row?: number) {
    super(code, row === undefined ? message : `row ${row}: ${message}`, { row });
    this.row = row;
  }
}
