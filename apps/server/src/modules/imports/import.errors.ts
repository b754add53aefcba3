import { DomainError } from "../../errors/index.ts";

/** The file as a whole cannot be read (not xlsx, broken CSV quoting, too big, no header). */
export class ImportFileError extends DomainError {
  readonly code = "VALIDATION_FAILED";
  readonly status = 400;
  constructor(message: string, where?: { row: number; column?: number | string }) {
    super(
      `import file: ${message}`,
      where
        ? [{ path: `row ${where.row}${where.column ? `, column ${where.column}` : ""}`, message }]
        : undefined,
    );
  }
}
