import type { ServerMessage } from "@clusterbrain/contracts";
import { DomainError } from "../../errors/index.ts";

/** The file as a whole cannot be read (not xlsx, broken CSV quoting, too big, no header). */
export class ImportFileError extends DomainError {
  readonly code = "VALIDATION_FAILED";
  readonly status = 400;
  constructor(message: string, text: ServerMessage, where?: { row: number; column?: number | string }) {
    const path = where ? `row ${where.row}${where.column ? `, column ${where.column}` : ""}` : "file";
    super(`import file: ${message}`, [{ path, message, key: text.key, params: text.params }]);
  }
}
