import { z } from "zod";
import { passwordSchema, roleSchema } from "./auth.contract.ts";
import { emailSchema, text } from "./common.contract.ts";
import { memberSchema } from "./org.contract.ts";

/** Same floor as the CLI's `user add`: long passphrases beat complexity rules. */
export const MEMBER_PASSWORD_MIN = 12;

/**
 * Add a member to MY org. A new user needs `displayName` and an initial `password`; an existing
 * user (same email) is attached with the role and keeps their own password and name.
 */
export const memberAddRequestSchema = z
  .object({
    email: emailSchema,
    displayName: text({ min: 1, max: 100 }).optional(),
    role: roleSchema,
    password: passwordSchema.min(MEMBER_PASSWORD_MIN).optional(),
  })
  .strict();
export type MemberAddRequest = z.infer<typeof memberAddRequestSchema>;

export const memberRoleUpdateRequestSchema = z.object({ role: roleSchema }).strict();
export type MemberRoleUpdateRequest = z.infer<typeof memberRoleUpdateRequestSchema>;

/** A member as the add/update routes answer; `created` says whether a new user account was made. */
export const memberResultSchema = memberSchema.extend({ created: z.boolean() });
export type MemberResult = z.infer<typeof memberResultSchema>;
export type Member = z.infer<typeof memberSchema>;
