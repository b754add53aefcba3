import { type ImportIssue, looksLikeFormula, type ServerMessage, textProblem } from "@clusterbrain/contracts";
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
        message: `column ${spec.key} appears more than once in the header`,
        key: "import.duplicateColumn",
        params: { column: spec.key },
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
        message: `required column ${spec.key} is missing from the header`,
        key: "import.missingColumn",
        params: { column: spec.key },
      });
    }
  }
  return { columnIndex, ignored, issues };
}

/** An escaped formula as written by a CSV export ('=1+1): the apostrophe is the escape, not data. */
function unescapeFormula(value: string): string {
  return value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Reads cells of one row by column key and collects that row's issues (errors keep the row out)
 * and warnings (the row is imported, but a person should look at the cell).
 */
export class RowReader {
  readonly issues: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  constructor(
    readonly row: SheetRow,
    private readonly header: HeaderMap,
    private readonly columns: readonly ColumnSpec[],
  ) {}

  /** Trimmed text of a column ("" when absent); over-long values are reported and read as "". */
  get(key: string): string {
    const index = this.header.columnIndex.get(key);
    if (index === undefined) return "";
    const raw = this.row.cells[index] ?? "";
    // Checked before trimming: a leading tab or CR is one of the formula triggers.
    if (looksLikeFormula(raw.trimEnd()) || looksLikeFormula(unescapeFormula(raw.trim())))
      this.warnFormula(key, unescapeFormula(raw.trim()));
    const value = unescapeFormula(normalizeText(raw));
    const spec = this.columns.find((c) => c.key === key)!;
    // Same rule as every API string (cells may hold line breaks); PostgreSQL cannot store U+0000.
    const problem = textProblem(value, true);
    if (problem !== undefined) {
      this.fail(key, "INVALID_VALUE", `${key} ${problem}`, { key: "field.control", params: {} });
      return "";
    }
    if (value.length > spec.maxLength) {
      this.fail(key, "TOO_LONG", `${key} is longer than ${spec.maxLength} characters`, {
        key: "import.tooLong",
        params: { max: spec.maxLength },
      });
      return "";
    }
    return value;
  }

  /** Once per cell: the value is kept as text, but a spreadsheet would run it as a formula. */
  private warnFormula(key: string, value: string): void {
    if (this.warnings.some((w) => w.column === key)) return;
    const shown = value.slice(0, 60);
    this.warnings.push({
      row: this.row.row,
      column: key,
      code: "FORMULA_LIKE",
      severity: "warning",
      message: `${key} starts with a formula character (${JSON.stringify(shown)}); it is imported as plain text`,
      key: "import.formula",
      params: { value: shown },
    });
  }

  /** A required value; reports REQUIRED when blank. */
  required(key: string): string {
    const value = this.get(key);
    if (value === "" && !this.has(key)) {
      this.fail(key, "REQUIRED", `${key} is required`, { key: "import.required", params: {} });
    }
    return value;
  }

  /** Whether the column already has an issue on this row (so later checks do not pile on). */
  has(key: string): boolean {
    return this.issues.some((i) => i.column === key);
  }

  fail(column: string, code: ImportIssue["code"], message: string, text: ServerMessage): void {
    this.issues.push({ row: this.row.row, column, code, message, key: text.key, params: text.params });
  }

  /** Optional year within [min, max]; null when blank. */
  year(key: string, min: number, max: number): number | null {
    const text = this.get(key);
    if (text === "") return null;
    const n = Number(text);
    if (!/^\d{4}$/.test(text) || n < min || n > max) {
      this.fail(key, "INVALID_VALUE", `${key} must be a year between ${min} and ${max} (got "${text}")`, {
        key: "import.year",
        params: { min, max, got: text },
      });
      return null;
    }
    return n;
  }

  /** A coded value given as its code or a label (Chinese or English, as the export writes them). */
  coded<T extends string>(
    key: string,
    allowed: readonly T[],
    labels: Readonly<Record<string, string>>,
  ): T | null {
    const text = this.get(key);
    if (text === "") return null;
    const code = (labels[text] ?? labels[text.toLowerCase()] ?? text.toLowerCase()) as T;
    if (!allowed.includes(code)) {
      this.fail(key, "INVALID_VALUE", `${key} must be one of ${allowed.join(", ")} (got "${text}")`, {
        key: "import.oneOf",
        params: { allowed: allowed.join(", "), got: text },
      });
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
