import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";
import { dataClassSchema } from "./grant.contract.ts";

export const ACCESS_REQUEST_STATUSES = ["pending", "approved", "declined"] as const;
export const accessRequestStatusSchema = z.enum(ACCESS_REQUEST_STATUSES);
export type AccessRequestStatus = z.infer<typeof accessRequestStatusSchema>;

/** A firm asks the owner of some data (`ownerOrgId`) to let it read one class, for a purpose. */
export const accessRequestCreateSchema = z
  .object({
    ownerOrgId: idSchema,
    dataClass: dataClassSchema,
    purpose: text({ min: 1, max: 500, multiline: true }),
  })
  .strict();
export type AccessRequestCreate = z.infer<typeof accessRequestCreateSchema>;

/** The owner approves: a grant until `expiresAt` is made through the grants service. */
export const accessRequestApproveSchema = z.object({ expiresAt: isoDateTimeSchema }).strict();
export type AccessRequestApprove = z.infer<typeof accessRequestApproveSchema>;

/** The owner declines, optionally saying why (shown to the requester). */
export const accessRequestDeclineSchema = z
  .object({ note: text({ min: 0, max: 500, multiline: true }).optional() })
  .strict();
export type AccessRequestDecline = z.infer<typeof accessRequestDeclineSchema>;

export const accessRequestSchema = z.object({
  id: z.string(),
  ownerOrgId: z.string(),
  ownerNameZh: z.string(),
  ownerNameEn: z.string(),
  requesterOrgId: z.string(),
  requesterNameZh: z.string(),
  requesterNameEn: z.string(),
  dataClass: dataClassSchema,
  purpose: z.string(),
  status: accessRequestStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  grantId: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

/** Requests to my org (incoming: I decide) and from my org (outgoing). */
export const accessRequestListSchema = z.object({
  incoming: z.array(accessRequestSchema),
  outgoing: z.array(accessRequestSchema),
});
export type AccessRequestList = z.infer<typeof accessRequestListSchema>;
