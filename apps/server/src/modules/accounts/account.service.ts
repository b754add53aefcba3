import type { MembershipList, MeResponse } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { canSwitchOrg } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../../errors/index.ts";
import type { AppCaches } from "../../http/app-caches.ts";
import { AuthRepository } from "../auth/auth.repository.ts";
import { issueSession, meFor } from "../auth/session.issuer.ts";

export interface SwitchResult {
  sessionToken: string;
  expiresAt: Date;
  me: MeResponse;
}

/** A user with several memberships: list them, and move the session from one org to another. */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly sessionSecret: string,
    private readonly now: () => Date,
    private readonly caches: AppCaches,
  ) {}

  async memberships(actor: Actor): Promise<MembershipList> {
    const items = await new AuthRepository(this.db).membershipsOf(actor.userId);
    return { activeOrgId: actor.orgId, items };
  }

  /**
   * The role changes with the org, so the old session ends and a new one (new cookie value, new
   * CSRF token) starts: a token captured under the old role is useless afterwards. The new session
   * keeps the old one's expiry, so switching never extends a sign-in.
   */
  async switchOrg(actor: Actor, orgId: string, ip: string, userAgent: string): Promise<SwitchResult> {
    if (actor.via !== "session")
      throw new ForbiddenError("an API token acts for the one org it was created in; it cannot switch");
    const now = this.now();
    const result = await this.db.transaction(async (tx) => {
      const repo = new AuthRepository(tx);
      const memberships = await repo.membershipsOf(actor.userId);
      const target = memberships.find((m) => m.orgId === orgId);
      // Not a member: the same answer as an org that does not exist.
      if (
        !target ||
        !canSwitchOrg(
          memberships.map((m) => m.orgId),
          orgId,
        )
      )
        throw new NotFoundError("membership in org", orgId);
      const old = await repo.findSession(actor.credentialId, now);
      if (!old?.expiresAt) throw new UnauthenticatedError();
      await repo.deleteSession(actor.credentialId);
      const session = await issueSession(repo, this.sessionSecret, {
        userId: actor.userId,
        orgId,
        now,
        expiresAt: old.expiresAt,
        ip,
        userAgent,
      });
      const me = meFor(
        { id: actor.userId, email: actor.email, displayName: actor.displayName },
        memberships,
        target,
        session.csrfToken,
      );
      return { sessionToken: session.sessionToken, expiresAt: session.expiresAt, me };
    });
    this.caches.credentials.delete(`s:${actor.credentialId}`);
    return result;
  }
}
