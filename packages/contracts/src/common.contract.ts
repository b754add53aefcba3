import { z } from "zod";

/**
 * Control characters (Unicode category Cc: C0, DEL and C1). PostgreSQL cannot store U+0000 in text
 * at all (the query fails), and the others are never meant in names, addresses or ids; tab and
 * newline only where a field allows them.
 */
const CONTROL = /\p{Cc}/gu;
/** With the u flag, \p{Cs} matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

export interface TextOptions {
  /** Most characters after normalisation and trimming, in code points (as zod and PostgreSQL count them). */
  max: number;
  /** Fewest characters (default 0). */
  min?: number;
  /** Tab and newline allowed (long descriptions); every other control is always refused. */
  multiline?: boolean;
  /** Keep surrounding whitespace (passwords); text is trimmed by default. */
  keepWhitespace?: boolean;
}

function firstControl(value: string, multiline: boolean): string | undefined {
  for (const [ch] of value.matchAll(CONTROL)) {
    if (multiline && (ch === "\t" || ch === "\n")) continue;
    return ch;
  }
  return undefined;
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `value` cannot be text of the API (a control character or a lone surrogate), or undefined.
 * Exported for text that arrives outside a zod schema (spreadsheet cells of an import).
 */
export function textProblem(value: string, multiline = false): string | undefined {
  const control = firstControl(value, multiline);
  if (control !== undefined) return `must not contain control characters (found ${codePoint(control)})`;
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode (found a lone surrogate)";
  return undefined;
}

/**
 * The ONE text type of the API: every string field, path parameter and query parameter is built
 * from it. Refuses control characters and lone surrogates (a 400 naming the field, via the issue
 * path), normalises to NFC so the same name typed two ways is the same string, trims, and limits
 * the length. Returns a plain zod string, so callers can chain `.email()`, `.regex()` etc.
 */
export function text(options: TextOptions): z.ZodString {
  const base = z.string().check((ctx) => {
    const problem = textProblem(ctx.value, options.multiline === true);
    if (problem !== undefined)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: problem,
        params: { key: "field.control" },
        continue: false,
      });
  });
  const normalised = base.normalize("NFC");
  const trimmed = options.keepWhitespace ? normalised : normalised.trim();
  return (options.min ? trimmed.min(options.min) : trimmed).max(options.max);
}

/** Ids are opaque (UUIDs for new rows, stable slugs such as "org-firm-007" for demo rows). */
export const ID_MAX = 100;
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:@+-]*$/;
/**
 * An id as sent in a path, query or body: checked for its shape before any query, so junk never
 * reaches the database.
 */
export const idSchema = text({ min: 1, max: ID_MAX }).regex(
  ID_SHAPE,
  "must be an id (letters, digits and . _ : @ + -)",
);
export const idParamsSchema = z.object({ id: idSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

/** Email addresses: compared in lower case everywhere. */
export const emailSchema = text({ max: 254 }).toLowerCase().email();

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** Wraps a list item schema as a page: items plus the total across all pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const localizedItemSchema = z.object({
  zh: text({ max: 200 }),
  en: text({ max: 200 }),
});
export type LocalizedItem = z.infer<typeof localizedItemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;

/**
 * ISO-8601 timestamp as sent over JSON. Year 0000 is valid ISO (1 BC) and JavaScript takes it, but
 * PostgreSQL has no year 0: refused here, by field, rather than by the database.
 */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine((s) => !s.startsWith("0000"), "year 0000 cannot be stored; years start at 0001");
