import { z } from "zod";

/**
 * A printable report as data: headed sections of paragraphs, one optional chart and one optional
 * table each. A module builds it from the figures its screen shows (so the file equals the
 * screen); the `document` job renders it to PDF (Chinese fonts embedded) and .xlsx (one sheet per
 * table). It is produced by the server only, so its strings are plain (not the request text type).
 */
export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportDocumentCell = z.infer<typeof reportCellSchema>;

export const reportChartSchema = z.object({
  type: z.enum(["line", "bar"]),
  /** Category labels along x (time stamps as text, names …). */
  x: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), data: z.array(z.number().nullable()) })),
  /** Horizontal reference lines (control and specification limits, targets). */
  lines: z.array(z.object({ name: z.string(), value: z.number() })).default([]),
  /** Indexes along x to mark (rule violations, downtime …). */
  marks: z.array(z.number().int().nonnegative()).default([]),
  yName: z.string().default(""),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

export const reportSectionSchema = z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()).default([]),
  chart: reportChartSchema.nullable().default(null),
  table: z
    .object({
      /** Sheet name in the workbook (≤ 31 characters, no []:*?/\). */
      sheet: z.string().max(31),
      columns: z.array(z.string()),
      rows: z.array(z.array(reportCellSchema)),
    })
    .nullable()
    .default(null),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportDocumentSchema = z.object({
  lang: z.enum(["zh-CN", "en"]),
  title: z.string(),
  subtitle: z.string().default(""),
  /** A file-name stem, ASCII only (used in Content-Disposition). */
  fileStem: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/),
  sections: z.array(reportSectionSchema).min(1),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
