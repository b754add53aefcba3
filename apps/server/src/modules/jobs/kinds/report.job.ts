import { reportJobInputSchema } from "@clusterbrain/contracts";
import { htmlToPdf } from "../../../reports/html-to-pdf.ts";
import { reportHtml } from "../../growth/report/report.html.ts";
import { reportTables } from "../../growth/report/report.tables.ts";
import { reportWorkbook } from "../../growth/report/report.xlsx.ts";
import type { KindRunner } from "../job.protocol.ts";

/** The report's files, base64 in the job's result (a report is a few hundred kB). */
export interface ReportJobResult {
  pdf: string;
  xlsx: string;
  pdfBytes: number;
  xlsxBytes: number;
}

/** A yearly report: tables and charts → HTML → PDF (Chromium) and .xlsx (exceljs). */
export const runReportJob: KindRunner = async (raw, ctx) => {
  const input = reportJobInputSchema.parse(raw);
  const tables = reportTables(input);
  ctx.progress(0.1, "tables");
  const html = reportHtml(input, tables);
  ctx.progress(0.3, "charts");
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const { pdf, charts } = await htmlToPdf(html);
  ctx.progress(0.8, "pdf");
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const xlsx = await reportWorkbook(input, tables, charts);
  ctx.progress(1, "workbook");
  const result: ReportJobResult = {
    pdf: pdf.toString("base64"),
    xlsx: xlsx.toString("base64"),
    pdfBytes: pdf.length,
    xlsxBytes: xlsx.length,
  };
  return { cancelled: false, result };
};
