import { reportDocumentSchema } from "@clusterbrain/contracts";
import { documentHtml, documentWorkbook } from "../../../reports/document.render.ts";
import { htmlToPdf } from "../../../reports/html-to-pdf.ts";
import type { KindRunner } from "../job.protocol.ts";

/** The files of a `document` job, base64 in the job's result (a report is a few hundred kB). */
export interface DocumentJobResult {
  fileStem: string;
  pdf: string;
  xlsx: string;
  pdfBytes: number;
  xlsxBytes: number;
}

/** A ReportDocument → .xlsx (exceljs) and HTML → PDF (Chromium), with progress and cancel. */
export const runDocumentJob: KindRunner = async (raw, ctx) => {
  const doc = reportDocumentSchema.parse(raw);
  const xlsx = await documentWorkbook(doc);
  ctx.progress(0.2, "workbook");
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const html = documentHtml(doc);
  ctx.progress(0.4, "charts");
  if (ctx.cancelRequested()) return { cancelled: true, result: null };
  const { pdf } = await htmlToPdf(html);
  ctx.progress(1, "pdf");
  const result: DocumentJobResult = {
    fileStem: doc.fileStem,
    pdf: pdf.toString("base64"),
    xlsx: xlsx.toString("base64"),
    pdfBytes: pdf.length,
    xlsxBytes: xlsx.length,
  };
  return { cancelled: false, result };
};
