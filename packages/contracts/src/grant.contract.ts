import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";

export const DATA_CLASSES = ["indicators", "relations", "equipment", "contacts", "stock"] as const;
export const dataClassSchema = z.enum(DATA_CLASSES);
export type DataClass = z.infer<typeof dataClassSchema>;

export const grantCreateRequestSchema = z
  .object({
    granteeOrgId: idSchema,
    dataClass: dataClassSchema,
    purpose: text({ min: 1, max: 500, multiline: true }),
    expiresAt: isoDateTimeSchema,
  })
  .strict();
export type GrantCreateRequest = z.infer<typeof grantCreateRequestSchema>;

/** Revoking may say why; the reason is stored, audited and shown to the grantee. */
export const grantRevokeRequestSchema = z
  .object({ reason: text({ min: 1, max: 500, multiline: true }).optional() })
  .strict()
  .nullish();
export type GrantRevokeRequest = z.infer<typeof grantRevokeRequestSchema>;

export const grantSchema = z.object({
  id: z.string(),
  grantorOrgId: z.string(),
  grantorNameZh: z.string(),
  grantorNameEn: z.string(),
  granteeOrgId: z.string(),
  granteeNameZh: z.string(),
  granteeNameEn: z.string(),
  dataClass: dataClassSchema,
  purpose: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Why the grantor revoked it (shown to both sides); null when not given or not revoked. */
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type Grant = z.infer<typeof grantSchema>;

/** Grants my org gave and grants it received. */
export const grantListSchema = z.object({ given: z.array(grantSchema), received: z.array(grantSchema) });
export type GrantList = z.infer<typeof grantListSchema>;
