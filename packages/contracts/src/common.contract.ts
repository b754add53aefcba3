import { z } from "zod";

/** Ids are opaque strings (UUIDs for new rows, stable slugs for demo rows). */
export const idSchema = z.string().min(1).max(100);
export const idParamsSchema = z.object({ id: idSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

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
  zh: z.string().trim().max(200),
  en: z.string().trim().max(200),
});
export type LocalizedItem = z.infer<typeof localizedItemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;

/** ISO-8601 timestamp as sent over JSON. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
