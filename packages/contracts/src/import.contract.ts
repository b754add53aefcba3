import { z } from "zod";
import { pageOf, paginationQuerySchema, text } from "./common.contract.ts";
import { messageParamsSchema, serverMessageKeySchema } from "./message.contract.ts";

/** What a file import creates: organisations (operator) or supplier→customer relations (a firm). */
export const IMPORT_ENTITIES = ["orgs", "relations"] as const;
export const importEntitySchema = z.enum(IMPORT_ENTITIES);
export type ImportEntity = z.infer<typeof importEntitySchema>;

export const IMPORT_FORMATS = ["csv", "xlsx"] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/**
 * "all-or-nothing": any bad row and nothing is written; "valid-rows": the good rows are written
 * (in one transaction) and the bad ones reported.
 */
export const IMPORT_MODES = ["all-or-nothing", "valid-rows"] as const;
export const importModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof importModeSchema>;

export const IMPORT_ISSUE_CODES = [
  "MISSING_COLUMN",
  "DUPLICATE_COLUMN",
  "REQUIRED",
  "INVALID_VALUE",
  "INVALID_USCC",
  "TOO_LONG",
  "DUPLICATE_IN_FILE",
  "ALREADY_EXISTS",
  "UNKNOWN_ORG",
  "UNKNOWN_CHAIN_NODE",
  "SELF_RELATION",
  "NOT_A_PARTY",
  "FORMULA_LIKE",
] as const;
export const importIssueCodeSchema = z.enum(IMPORT_ISSUE_CODES);
export type ImportIssueCode = z.infer<typeof importIssueCodeSchema>;

/**
 * One bad cell. `row` is the spreadsheet row number (the header is row 1, the first data row 2);
 * `column` is the column key (e.g. "uscc"), as in the template headers.
 */
export const importIssueSchema = z.object({
  row: z.number().int().min(1),
  column: z.string(),
  code: importIssueCodeSchema,
  /** English, for the API and the CLI; clients translate `key` with `params`. */
  message: z.string(),
  key: serverMessageKeySchema.optional(),
  params: messageParamsSchema.optional(),
  /**
   * "error" keeps the row out; "warning" (a cell a spreadsheet would run as a formula) is imported
   * as plain text but reported so a person looks at it.
   */
  severity: z.enum(["error", "warning"]).optional(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** Options shared by both ways of sending a file. */
export const importOptionsSchema = z.object({
  entity: importEntitySchema,
  format: importFormatSchema,
  mode: importModeSchema.default("all-or-nothing"),
  dryRun: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** Largest accepted file (bytes, before base64). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Most data rows in one file. */
export const IMPORT_MAX_ROWS = 10_000;

/** JSON upload: the file as base64 (no multipart parser is installed; a 5 MiB file is ~6.7 MiB of base64). */
export const importRequestSchema = importOptionsSchema.extend({
  fileName: text({ max: 255 }).optional(),
  contentBase64: z
    .string()
    .min(1, "contentBase64 is empty")
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4, "file is larger than 5 MiB")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 must be standard base64"),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** Query string for a raw `application/octet-stream` upload (booleans arrive as text). */
export const importQuerySchema = z.object({
  entity: importEntitySchema,
  format: importFormatSchema,
  mode: importModeSchema.default("all-or-nothing"),
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importReportSchema = z.object({
  entity: importEntitySchema,
  format: importFormatSchema,
  mode: importModeSchema,
  dryRun: z.boolean(),
  /** Non-blank data rows read from the file. */
  totalRows: z.number().int().min(0),
  validRows: z.number().int().min(0),
  invalidRows: z.number().int().min(0),
  /** Rows written to the database (0 for a dry run and for a rejected all-or-nothing run). */
  written: z.number().int().min(0),
  /** True when the run wrote its rows (a dry run never commits). */
  committed: z.boolean(),
  /** Header cells that matched no column; their values are ignored. */
  ignoredColumns: z.array(z.string()),
  /** Every bad cell, ordered by row then column. */
  issues: z.array(importIssueSchema),
  /** Ids of the created records, in file order (empty unless committed). */
  createdIds: z.array(z.string()),
  /** The run's entry in the import history (its error report can be downloaded from there). */
  historyId: z.string().optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** One column of an import template. */
export const importColumnSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  required: z.boolean(),
  description: z.string(),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;
export const importTemplateSchema = z.object({
  entity: importEntitySchema,
  columns: z.array(importColumnSchema),
});
export type ImportTemplate = z.infer<typeof importTemplateSchema>;

/** One past import run of the caller's organisation. */
export const importHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  entity: importEntitySchema,
  format: importFormatSchema,
  mode: importModeSchema,
  dryRun: z.boolean(),
  fileName: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  written: z.number().int(),
  committed: z.boolean(),
  issueCount: z.number().int(),
});
export type ImportHistoryEntry = z.infer<typeof importHistoryEntrySchema>;
export const importHistoryPageSchema = pageOf(importHistoryEntrySchema);
export type ImportHistoryPage = z.infer<typeof importHistoryPageSchema>;
export const importHistoryQuerySchema = paginationQuerySchema;

/** Files made for people (templates, error reports) are written in the reader's language. */
export const langQuerySchema = z.object({ lang: z.enum(["zh", "en"]).default("zh") });
