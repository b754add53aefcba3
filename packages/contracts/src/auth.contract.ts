import { z } from "zod";
import { emailSchema, isoDateTimeSchema, text } from "./common.contract.ts";

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Passwords keep their spaces but are NFC-normalised (NIST SP 800-63B), so the same passphrase
 * typed on two keyboards signs in; controls and lone surrogates are refused like everywhere.
 */
export const passwordSchema = text({ max: 200, keepWhitespace: true });

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema.min(1),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
});

export const membershipSchema = z.object({
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  orgKind: z.string(),
  role: roleSchema,
});

/**
 * Who is signed in. `csrfToken` must be sent back as the `x-csrf-token` header on every
 * cookie-authenticated write (POST/PUT/PATCH/DELETE).
 */
export const meResponseSchema = z.object({
  user: sessionUserSchema,
  org: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  role: roleSchema,
  isOperator: z.boolean(),
  memberships: z.array(membershipSchema),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
export const loginResponseSchema = meResponseSchema;
export type LoginResponse = MeResponse;

export const createApiTokenRequestSchema = z.object({
  name: text({ min: 1, max: 100 }),
  expiresAt: isoDateTimeSchema.optional(),
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
/** The secret is shown once, at creation; only its hash is stored. */
export const createApiTokenResponseSchema = apiTokenSchema.extend({ token: z.string() });
export type CreateApiTokenResponse = z.infer<typeof createApiTokenResponseSchema>;
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

/** Demo sign-ins, listed only when the server runs in development mode (never in production). */
export const demoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  persona: z.string(),
  role: roleSchema,
  orgNameZh: z.string(),
  orgNameEn: z.string(),
});
export const demoAccountsResponseSchema = z.object({
  devMode: z.boolean(),
  accounts: z.array(demoAccountSchema),
});
export type DemoAccountsResponse = z.infer<typeof demoAccountsResponseSchema>;
