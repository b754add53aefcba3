import { CsvError, isBlankRecord, readCsv } from "../../shared/csv.ts";
import { MonitorError } from "../errors.ts";

/** One `timestamp,value` row (NAB layout). Timestamps: epoch milliseconds or an ISO-like date, read as UTC. */
export interface SeriesRow {
  readonly timestamp: number;
  readonly value: number;
  /** The timestamp as written, echoed back in outputs. */
  readonly raw: string;
}

export function parseTimestamp(text: string): number {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  // "2014-07-01 00:00:00" (NAB) has no zone: read it as UTC so results do not depend on the host.
  const iso = t.includes("T") || t.includes(" ") ? t.replace(" ", "T") : t;
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** True when the line is the header (its first cell is not a timestamp). */
export function isHeader(line: string): boolean {
  const first = cellsOf(line, 1)[0]?.trim() ?? "";
  return Number.isNaN(parseTimestamp(first));
}

/** One line's cells with the shared CSV quoting rules; a syntax error names the file row. */
function cellsOf(line: string, row: number): string[] {
  try {
    return readCsv(line)[0] ?? [];
  } catch (err) {
    if (err instanceof CsvError)
      throw new MonitorError("BAD_EVENT", `column ${err.column}: ${err.message}`, row);
    throw err;
  }
}

/**
 * Parses a data line; `row` is the 1-based file line for error messages. An empty value cell is a
 * missing reading (NaN, which detectors flag as invalid); anything else unreadable is an error.
 */
export function parseSeriesRow(line: string, row: number): SeriesRow {
  return seriesRow(cellsOf(line, row), row);
}

function seriesRow(cells: readonly string[], row: number): SeriesRow {
  if (cells.length < 2) throw new MonitorError("BAD_EVENT", "expected timestamp,value", row);
  const raw = cells[0].trim();
  const timestamp = parseTimestamp(raw);
  if (Number.isNaN(timestamp))
    throw new MonitorError("BAD_EVENT", `column 1: cannot read timestamp "${raw}"`, row);
  const cell = cells[1].trim();
  const value = cell === "" || cell.toLowerCase() === "nan" ? Number.NaN : Number(cell);
  if (Number.isNaN(value) && cell !== "" && cell.toLowerCase() !== "nan") {
    throw new MonitorError("BAD_EVENT", `column 2: "${cell}" is not a number`, row);
  }
  return { timestamp, value, raw };
}

/** Parses a whole CSV text (header optional). */
export function parseSeriesCsv(text: string): SeriesRow[] {
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw new MonitorError("BAD_EVENT", err.message, err.row);
    throw err;
  }
  const out: SeriesRow[] = [];
  records.forEach((cells, i) => {
    if (isBlankRecord(cells)) return;
    if (i === 0 && Number.isNaN(parseTimestamp(cells[0] ?? ""))) return;
    out.push(seriesRow(cells, i + 1));
  });
  return out;
}
