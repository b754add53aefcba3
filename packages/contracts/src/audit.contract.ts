import { z } from "zod";
import { idSchema, pageOf, paginationQuerySchema, text } from "./common.contract.ts";

export const auditEntrySchema = z.object({
  id: z.number().int(),
  orgId: z.string(),
  /** Names for people to read; null when the org or user no longer exists. */
  orgNameZh: z.string().nullable(),
  orgNameEn: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  actorOrgNameZh: z.string().nullable(),
  actorOrgNameEn: z.string().nullable(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A calendar day, YYYY-MM-DD (the range filter is inclusive of both days, in UTC+8, the cluster's time). */
export const calendarDaySchema = text({ max: 10 })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((day) => {
    // 2469-82-44 has the shape but is no day: the same date must come back from a UTC round trip.
    const d = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
  }, "must be a real calendar day");

/** Admins see their own org's log; the operator may pass any orgId (or none for the whole cluster). */
export const auditQuerySchema = paginationQuerySchema.extend({
  orgId: idSchema.optional(),
  action: text({ max: 100 }).optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The export takes the log's own filters (no paging) and the reader's language. */
export const auditExportQuerySchema = auditQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ lang: z.enum(["zh", "en"]).default("zh") });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
