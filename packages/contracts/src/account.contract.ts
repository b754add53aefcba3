import { z } from "zod";
import { membershipSchema } from "./auth.contract.ts";
import { idSchema } from "./common.contract.ts";

/** The signed-in user's memberships; `activeOrgId` is the org the current session acts for. */
export const membershipListSchema = z.object({
  activeOrgId: z.string(),
  items: z.array(membershipSchema),
});
export type MembershipList = z.infer<typeof membershipListSchema>;

/** Switch the session's active org; the answer is the new `me` with a fresh CSRF token. */
export const switchOrgRequestSchema = z.object({ orgId: idSchema }).strict();
export type SwitchOrgRequest = z.infer<typeof switchOrgRequestSchema>;
