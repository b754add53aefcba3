import { z } from "zod";
import { roleSchema } from "./auth.contract.ts";
import { MEMBER_PASSWORD_MIN } from "./member.contract.ts";

/** An invitation link is valid for 7 days unless the inviter chooses otherwise (1 hour to 30 days). */
export const INVITATION_DEFAULT_HOURS = 7 * 24;
export const INVITATION_MAX_HOURS = 30 * 24;

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

/** Why an invitation link can no longer be used; sent as `details.reason` of a 409 answer. */
export const INVITATION_REFUSALS = [
  "INVITATION_EXPIRED",
  "INVITATION_USED",
  "INVITATION_REVOKED",
  "INVITATION_EMAIL_MISMATCH",
  "ACCOUNT_EXISTS",
  "ALREADY_MEMBER",
] as const;
export type InvitationRefusal = (typeof INVITATION_REFUSALS)[number];

export const invitationCreateRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    role: roleSchema,
    expiresInHours: z.number().int().min(1).max(INVITATION_MAX_HOURS).default(INVITATION_DEFAULT_HOURS),
  })
  .strict();
export type InvitationCreateRequest = z.input<typeof invitationCreateRequestSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

/** The one-time secret is shown once, at creation: the link is `<site>/invite/<token>`; only its hash is stored. */
export const invitationCreatedSchema = invitationSchema.extend({ token: z.string(), path: z.string() });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

export const invitationTokenParamsSchema = z.object({ token: z.string().min(16).max(200) });

/** What the public invitation page shows to whoever holds the link. */
export const invitationPreviewSchema = z.object({
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
  /** An account with this email exists: the invitee signs in and accepts, instead of registering. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Accept: a signed-in invitee sends `{}`; a new user sends a display name and a password. */
export const invitationAcceptRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    password: z.string().min(MEMBER_PASSWORD_MIN).max(200).optional(),
  })
  .strict();
export type InvitationAcceptRequest = z.infer<typeof invitationAcceptRequestSchema>;
