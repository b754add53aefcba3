import { CsvError, isBlankRecord, readCsv } from "../shared/csv.ts";
import { AnalyticsError } from "./errors.ts";

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** File row (record) number of each row, header = 1; absent means rows follow the header directly. */
  rowNumbers?: number[];
}

/**
 * Reads CSV text with the shared reader (RFC 4180, see shared/csv.ts) into a header and rows;
 * blank lines are skipped. Pure string function: the caller reads the file. Rows in errors are
 * the record numbers a person sees, the header being row 1.
 */
export function parseCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (err) {
    if (err instanceof CsvError)
      throw new AnalyticsError("PARSE_ERROR", err.message, { row: err.row, column: String(err.column) });
    throw err;
  }
  const numbered = records.map((cells, k) => ({ row: k + 1, cells })).filter((r) => !isBlankRecord(r.cells));
  if (numbered.length === 0) throw new AnalyticsError("PARSE_ERROR", "CSV is empty", { row: 1 });
  const header = numbered[0].cells.map((h) => h.trim());
  for (const r of numbered.slice(1)) {
    if (r.cells.length !== header.length) {
      throw new AnalyticsError(
        "PARSE_ERROR",
        `row ${r.row} has ${r.cells.length} fields, the header has ${header.length}`,
        { row: r.row },
      );
    }
  }
  const body = numbered.slice(1);
  return { header, rows: body.map((r) => r.cells), rowNumbers: body.map((r) => r.row) };
}

export function columnIndex(table: CsvTable, name: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) {
    throw new AnalyticsError("INVALID_INPUT", `no column "${name}"; columns are ${table.header.join(", ")}`, {
      column: name,
    });
  }
  return j;
}

/** A column as numbers; an empty or non-numeric cell is an error naming its row and column. */
export function numericColumn(table: CsvTable, name: string): number[] {
  const j = columnIndex(table, name);
  return table.rows.map((r, k) => {
    const row = table.rowNumbers?.[k] ?? k + 2;
    const cell = r[j].trim();
    const v = Number(cell);
    if (cell === "" || !Number.isFinite(v)) {
      throw new AnalyticsError("NON_FINITE_VALUE", `row ${row}, column ${name}: "${cell}" is not a number`, {
        row,
        column: name,
      });
    }
    return v;
  });
}

export function textColumn(table: CsvTable, name: string): string[] {
  const j = columnIndex(table, name);
  return table.rows.map((r) => r[j].trim());
}
