import { IMPORT_MAX_ROWS, type ImportFormat } from "@clusterbrain/contracts";
import { CsvError, readCsv } from "@clusterbrain/engine/shared";
import type ExcelJS from "exceljs";
import { decodeCsvBytes } from "./csv.decode.ts";
import { ImportFileError } from "./import.errors.ts";
import { DEFAULT_XLSX_LIMITS, readWorkbook, XlsxError, type XlsxLimits } from "./xlsx.reader.ts";

/** One spreadsheet row as text cells; `row` is its number in the file (header = 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Text of an exceljs cell value without coercion surprises (dates as YYYY-MM-DD, formulas by result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? "" : cellText(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return String(value.text ?? value.hyperlink);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Import bounds: a worksheet may hold the data rows an import accepts plus room for blank and
 * formatted rows; 32 MiB of XML is far above what 10,000 rows of organisations or relations take.
 */
const IMPORT_XLSX_LIMITS: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, maxRows: 2 * IMPORT_MAX_ROWS };

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await readWorkbook(bytes, IMPORT_XLSX_LIMITS);
  } catch (err) {
    if (err instanceof XlsxError)
      throw new ImportFileError(err.message, {
        key: "importFile.unreadable",
        params: { reason: err.message },
      });
    throw err;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new ImportFileError("the workbook has no worksheet", { key: "importFile.noSheet", params: {} });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return rows;
}

function readCsvSheet(bytes: Uint8Array): SheetRow[] {
  const { text } = decodeCsvBytes(bytes);
  try {
    return readCsv(text).map((cells, i) => ({ row: i + 1, cells }));
  } catch (err) {
    if (err instanceof CsvError)
      throw new ImportFileError(
        err.message,
        { key: "importFile.unreadable", params: { reason: err.message } },
        { row: err.row, column: err.column },
      );
    throw err;
  }
}

/** Reads the first sheet (xlsx) or the records (csv) as text rows, dropping rows that are entirely blank. */
export async function readSheet(bytes: Uint8Array, format: ImportFormat): Promise<SheetRow[]> {
  if (bytes.length === 0)
    throw new ImportFileError("the file is empty", { key: "importFile.empty", params: {} });
  const rows = format === "xlsx" ? await readXlsx(bytes) : readCsvSheet(bytes);
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
}
