import type { ReportJobInput } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { reportTitle } from "./report.html.ts";
import type { ReportTable } from "./report.tables.ts";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * One sheet per table, with the figures as numbers (a withheld figure is an empty cell), and the
 * table's chart (the PDF's, as PNG) placed to the right of the figures.
 */
export async function reportWorkbook(
  input: ReportJobInput,
  tables: ReportTable[],
  charts: Record<string, Buffer> = {},
): Promise<Buffer> {
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
    const png = charts[t.key];
    if (png) {
      const size = pngSize(png);
      const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      sheet.addImage(image, {
        tl: { col: t.headers.length + 1, row: 2 },
        ext: { width: size.width / 1.5, height: size.height / 1.5 },
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
