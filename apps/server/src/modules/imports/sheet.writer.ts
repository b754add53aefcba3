import { looksLikeFormula } from "@clusterbrain/contracts";
import type ExcelJS from "exceljs";

export type Cell = string | number | null;

/**
 * A CSV cell that no spreadsheet program runs as a formula: text starting with = + - @ tab or CR
 * gets a leading apostrophe (OWASP "CSV injection"); then RFC 4180 quoting.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV file: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF lines. */
export function toCsv(headers: string[], rows: Cell[][]): Buffer {
  const lines = [headers, ...rows].map((r) => r.map(csvCell).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

/**
 * Adds a sheet whose header row is bold and frozen, with columns sized to their header. Every
 * text value is written as a string cell (never a formula object), and formula-like text is also
 * given the text number format "@", so Excel keeps showing it as typed even after an edit.
 */
export function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values);
    values.forEach((v, i) => {
      if (typeof v === "string" && looksLikeFormula(v)) row.getCell(i + 1).numFmt = "@";
    });
  }
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length * 1.6));
  });
}
