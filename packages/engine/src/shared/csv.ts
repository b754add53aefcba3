import { CsvError as ParserError, parse } from "csv-parse/sync";
import { EngineError } from "./engine-error.ts";

/** CSV text that cannot be read: where (1-based record and field) and why. */
export class CsvError extends EngineError<"CSV_SYNTAX"> {
  readonly domain = "csv";
  constructor(
    message: string,
    readonly row: number,
    readonly column: number,
  ) {
    super("CSV_SYNTAX", `row ${row}, column ${column}: ${message}`, { row, column }, "unreadable");
  }
}

export interface CsvOptions {
  delimiter?: string;
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE: "unexpected text after a closing quote",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field (quote the whole field and double the quote)",
};

/**
 * THE CSV reader of the project (csv-parse, RFC 4180): quoted fields may hold the delimiter, `""`
 * and line breaks; CRLF, LF and lone CR all end a record; a BOM is dropped; malformed quoting is
 * an error naming the record and field, never silently repaired; every cell stays text. Records
 * keep their number (index + 1; a blank line is a record of one empty cell) so callers can point
 * at the row a person sees. Record lengths may differ; callers check what they need.
 */
export function readCsv(text: string, options: CsvOptions = {}): string[][] {
  try {
    return parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ",",
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    if (err instanceof ParserError) {
      const info = err as ParserError & { records?: number; index?: number };
      throw new CsvError(REASONS[err.code] ?? err.message, (info.records ?? 0) + 1, (info.index ?? 0) + 1);
    }
    throw err;
  }
}

/** True when every cell of the record is blank (after trimming). */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}
