import { z } from "zod";
import { idSchema, pageOf, paginationQuerySchema, text } from "./common.contract.ts";

export const auditEntrySchema = z.object({
  id: z.number().int(),
  orgId: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Admins see their own org's log; the operator may pass any orgId (or none for the whole cluster). */
export const auditQuerySchema = paginationQuerySchema.extend({
  orgId: idSchema.optional(),
  action: text({ max: 100 }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;
