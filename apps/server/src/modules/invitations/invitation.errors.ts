import type { InvitationRefusal } from "@clusterbrain/contracts";
import { ConflictError, ForbiddenError } from "../../errors/index.ts";

const MESSAGES: Record<Exclude<InvitationRefusal, "INVITATION_EMAIL_MISMATCH">, string> = {
  INVITATION_EXPIRED: "this invitation has expired; ask the organisation for a new one",
  INVITATION_USED: "this invitation has already been used",
  INVITATION_REVOKED: "this invitation was withdrawn by the organisation",
  ACCOUNT_EXISTS: "an account with this email already exists: sign in, then open the link again to accept",
  ALREADY_MEMBER: "this account is already a member of the organisation",
};

/** An invitation that cannot be used (any more); `details.reason` lets the page say exactly why. */
export class InvitationRefusedError extends ConflictError {
  constructor(readonly reason: keyof typeof MESSAGES) {
    super(MESSAGES[reason], { reason });
  }
}

/** A signed-in account whose email is not the invited one. */
export class InvitationEmailMismatchError extends ForbiddenError {
  constructor() {
    super("this invitation is for another email address: sign in with that account to accept it", {
      reason: "INVITATION_EMAIL_MISMATCH",
    });
  }
}
