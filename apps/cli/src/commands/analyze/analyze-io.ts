import { readFileSync } from "node:fs";
import { AnalyticsError, type CsvTable, parseCsv, textColumn } from "@clusterbrain/engine/analytics";

/** Reads and parses a CSV file; file errors become one clear line. */
export function readCsv(file: string): CsvTable {
  return parseCsv(readText(file));
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
}

export function list(value: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new Error(`expected a comma-separated list, got "${value}"`);
  return items;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${value}"`);
  return n;
}

/** Unit labels: the --id column, else 1-based row numbers. */
export function unitIds(table: CsvTable, id: string | undefined): string[] {
  return id ? textColumn(table, id) : table.rows.map((_, k) => String(k + 1));
}

/** Prints JSON or a plain table; numbers get 6 significant digits in the table. */
export function print(json: boolean, data: unknown, table: () => string[][]): void {
  if (json) {
    console.log(JSON.stringify(data, null, 2));
    return;
  }
  const rows = table();
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd(),
    );
}

export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}

/** Turns an engine error into a message that carries its code and place. */
export function describeError(e: unknown): Error {
  if (e instanceof AnalyticsError) {
    const where = [
      e.location.row !== undefined ? `row ${e.location.row}` : "",
      e.location.column ? `column ${e.location.column}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return new Error(`${e.code}: ${e.message}${where && !e.message.includes("row") ? ` (${where})` : ""}`);
  }
  return e instanceof Error ? e : new Error(String(e));
}
