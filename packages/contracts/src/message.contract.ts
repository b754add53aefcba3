import { z } from "zod";

/**
 * Server texts the web translates. The server keeps writing an English `message` (for the API,
 * the CLI and the logs) and adds `key` + `params`; the web renders `serverMsg.<key>` in the chosen
 * language and never shows the English text in the Chinese UI.
 */
export const SERVER_MESSAGE_KEYS = [
  // 统一社会信用代码 (GB 32100-2015)
  "uscc.length",
  "uscc.badChar",
  "uscc.checkChar",
  // generic field rules (zod issues of every request body)
  "field.required",
  "field.tooLong",
  "field.tooShort",
  "field.tooLarge",
  "field.tooSmall",
  "field.invalid",
  "field.invalidType",
  "field.control",
  "field.industryCode",
  "field.email",
  // import cells
  "import.missingColumn",
  "import.duplicateColumn",
  "import.required",
  "import.requiredForEnterprise",
  "import.tooLong",
  "import.year",
  "import.oneOf",
  "import.website",
  "import.duplicateUscc",
  "import.usccExists",
  "import.unknownChainNode",
  "import.unknownOrg",
  "import.selfRelation",
  "import.notAParty",
  "import.duplicateRelation",
  "import.relationExists",
  "import.productTooLong",
  "import.formula",
  "import.number",
  "import.deviceForTag",
  "import.tagKey",
  "import.lowAboveHigh",
  "import.samplingMs",
  "import.duplicateTag",
  "import.tagExists",
  "import.unknownItem",
  "import.duplicateRecord",
  // whole import files
  "importFile.tooLarge",
  "importFile.looksXlsx",
  "importFile.noHeader",
  "importFile.tooManyRows",
  "importFile.empty",
  "importFile.noSheet",
  "importFile.unreadable",
  "importFile.notBytes",
] as const;
export const serverMessageKeySchema = z.enum(SERVER_MESSAGE_KEYS);
export type ServerMessageKey = z.infer<typeof serverMessageKeySchema>;

export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ServerMessageParams = z.infer<typeof messageParamsSchema>;

/** A translatable text: the key and the values of its `{placeholders}`. */
export interface ServerMessage {
  key: ServerMessageKey;
  params: ServerMessageParams;
}

/** Zod custom issues carry their key in `params.key`; this reads it back (null when absent). */
export function serverMessageOf(params: unknown): ServerMessage | null {
  if (typeof params !== "object" || params === null) return null;
  const { key, ...rest } = params as Record<string, unknown>;
  const parsed = serverMessageKeySchema.safeParse(key);
  if (!parsed.success) return null;
  const values: ServerMessageParams = {};
  for (const [k, v] of Object.entries(rest))
    if (typeof v === "string" || typeof v === "number") values[k] = v;
  return { key: parsed.data, params: values };
}

/**
 * Cells a spreadsheet program would run as a formula (OWASP "CSV injection"): text starting with
 * =, +, -, @, tab or carriage return.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
