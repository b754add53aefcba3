import { type ImportIssue, textProblem } from "@clusterbrain/contracts";
import type { ColumnSpec } from "./import.columns.ts";
import type { SheetRow } from "./sheet.reader.ts";

/** Where each known column sits in the file, which header cells matched nothing, and header problems. */
export interface HeaderMap {
  columnIndex: ReadonlyMap<string, number>;
  ignored: string[];
  issues: ImportIssue[];
}

/** NFKC folds full-width brackets and letters, so "中文名称（nameZh）" matches too. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").trim();
}

function matchColumn(cell: string, columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  const h = normalizeText(cell).toLowerCase();
  const bracketed = /\(([^()]+)\)\s*$/.exec(h)?.[1]?.trim();
  return columns.find(
    (c) =>
      c.key.toLowerCase() === h ||
      normalizeText(c.labelZh).toLowerCase() === h ||
      (bracketed !== undefined && c.key.toLowerCase() === bracketed),
  );
}

/** Header cells may be the key ("nameZh"), the Chinese label ("中文名称") or both ("中文名称 (nameZh)"). */
export function mapHeader(header: SheetRow, columns: readonly ColumnSpec[]): HeaderMap {
  const columnIndex = new Map<string, number>();
  const ignored: string[] = [];
  const issues: ImportIssue[] = [];
  header.cells.forEach((cell, i) => {
    if (cell.trim() === "") return;
    const spec = matchColumn(cell, columns);
    if (!spec) {
      ignored.push(cell.trim());
    } else if (columnIndex.has(spec.key)) {
      issues.push({
        row: header.row,
        column: spec.key,
        code: "DUPLICATE_COLUMN",
        message: `column ${spec.key} (${spec.labelZh}) appears more than once in the header`,
      });
    } else {
      columnIndex.set(spec.key, i);
    }
  });
  for (const spec of columns) {
    if (spec.required && !columnIndex.has(spec.key)) {
      issues.push({
        row: header.row,
        column: spec.key,
        code: "MISSING_COLUMN",
        message: `required column ${spec.key} (${spec.labelZh}) is missing from the header`,
      });
    }
  }
  return { columnIndex, ignored, issues };
}

/** Reads cells of one row by column key and collects that row's issues. */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    readonly row: SheetRow,
    private readonly header: HeaderMap,
    private readonly columns: readonly ColumnSpec[],
  ) {}

  /** Trimmed text of a column ("" when absent); over-long values are reported and read as "". */
  get(key: string): string {
    const index = this.header.columnIndex.get(key);
    if (index === undefined) return "";
    const value = normalizeText(this.row.cells[index] ?? "");
    const spec = this.columns.find((c) => c.key === key)!;
    // Same rule as every API string (cells may hold line breaks); PostgreSQL cannot store U+0000.
    const problem = textProblem(value, true);
    if (problem !== undefined) {
      this.fail(key, "INVALID_VALUE", `${key} (${spec.labelZh}) ${problem}`);
      return "";
    }
    if (value.length > spec.maxLength) {
      this.fail(key, "TOO_LONG", `${key} (${spec.labelZh}) is longer than ${spec.maxLength} characters`);
      return "";
    }
    return value;
  }

  /** A required value; reports REQUIRED when blank. */
  required(key: string): string {
    const value = this.get(key);
    if (value === "" && !this.has(key)) {
      const spec = this.columns.find((c) => c.key === key)!;
      this.fail(key, "REQUIRED", `${key} (${spec.labelZh}) is required`);
    }
    return value;
  }

  /** Whether the column already has an issue on this row (so later checks do not pile on). */
  has(key: string): boolean {
    return this.issues.some((i) => i.column === key);
  }

  fail(column: string, code: ImportIssue["code"], message: string): void {
    this.issues.push({ row: this.row.row, column, code, message });
  }

  /** Optional year within [min, max]; null when blank. */
  year(key: string, min: number, max: number): number | null {
    const text = this.get(key);
    if (text === "") return null;
    const n = Number(text);
    if (!/^\d{4}$/.test(text) || n < min || n > max) {
      this.fail(key, "INVALID_VALUE", `${key} must be a year between ${min} and ${max} (got "${text}")`);
      return null;
    }
    return n;
  }

  /** A coded value given as its code or its Chinese label. */
  coded<T extends string>(
    key: string,
    allowed: readonly T[],
    labels: Readonly<Record<string, string>>,
  ): T | null {
    const text = this.get(key);
    if (text === "") return null;
    const code = (labels[text] ?? text.toLowerCase()) as T;
    if (!allowed.includes(code)) {
      this.fail(key, "INVALID_VALUE", `${key} must be one of ${allowed.join(", ")} (got "${text}")`);
      return null;
    }
    return code;
  }
}

/** Issues ordered by row, then by the column's position in the template. */
export function sortIssues(issues: ImportIssue[], columns: readonly ColumnSpec[]): ImportIssue[] {
  const order = new Map(columns.map((c, i) => [c.key, i]));
  return [...issues].sort(
    (a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99),
  );
}
