import { AnalyticsError } from "./errors.ts";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF). Pure string function: the caller
 * reads the file. Rows are 1-based in errors counting the header as row 1.
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      record.push(field);
      field = "";
      if (record.length > 1 || record[0] !== "") records.push(record);
      record = [];
      if (ch === "\r" && src[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoted)
    throw new AnalyticsError("PARSE_ERROR", "CSV ends inside a quoted field", { row: records.length + 1 });
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  if (records.length === 0) throw new AnalyticsError("PARSE_ERROR", "CSV is empty", { row: 1 });
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  rows.forEach((r, k) => {
    if (r.length !== header.length) {
      throw new AnalyticsError(
        "PARSE_ERROR",
        `row ${k + 2} has ${r.length} fields, the header has ${header.length}`,
        {
          row: k + 2,
        },
      );
    }
  });
  return { header, rows };
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
    const cell = r[j].trim();
    const v = Number(cell);
    if (cell === "" || !Number.isFinite(v)) {
      throw new AnalyticsError(
        "NON_FINITE_VALUE",
        `row ${k + 2}, column ${name}: "${cell}" is not a number`,
        {
          row: k + 2,
          column: name,
        },
      );
    }
    return v;
  });
}

export function textColumn(table: CsvTable, name: string): string[] {
  const j = columnIndex(table, name);
  return table.rows.map((r) => r[j].trim());
}
