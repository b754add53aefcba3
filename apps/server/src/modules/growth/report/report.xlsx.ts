import type { ReportJobInput } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { reportTitle } from "./report.html.ts";
import type { ReportTable } from "./report.tables.ts";

/** One sheet per table, with the figures as numbers (a withheld figure is an empty cell). */
export async function reportWorkbook(input: ReportJobInput, tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.title = reportTitle(input).zh;
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.key);
    sheet.addRow([`${t.titleZh} ${t.titleEn}`]);
    sheet.addRow([t.noteZh]);
    const header = sheet.addRow(t.headers);
    header.font = { bold: true };
    for (const r of t.rows) sheet.addRow(r.map((c) => c ?? undefined));
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
