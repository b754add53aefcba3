import { randomUUID } from "node:crypto";
import type { Member, MemberAddRequest, MemberResult, Role } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { assertAcceptablePassword } from "../../auth/password-policy.ts";
import { policy } from "../../auth/policy.ts";
import { hashPassword } from "../../auth/secrets.ts";
import type { DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import type { AppCaches } from "../../http/app-caches.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { AuthRepository } from "../auth/auth.repository.ts";
import { MemberRepository } from "./member.repository.ts";

/** An org must keep an owner: demoting or removing the only one would leave nobody able to manage it. */
export class LastOwnerError extends ConflictError {
  constructor() {
    super("the organisation's last owner cannot be removed or demoted; make another member owner first", {
      reason: "LAST_OWNER",
    });
  }
}

export class AlreadyMemberError extends ConflictError {
  constructor(email: string) {
    super(`${email} is already a member of this organisation; change their role instead`, {
      reason: "ALREADY_MEMBER",
    });
  }
}

/**
 * Attaching an account that already belongs to another organisation would enrol someone without
 * their consent; only accounts with no membership (e.g. removed elsewhere) can be attached. The
 * message names nobody, so the refusal tells no more than that the email is taken.
 */
export class AccountInOtherOrgError extends ConflictError {
  constructor() {
    super("this email already has an account in another organisation; it cannot be added here", {
      reason: "ACCOUNT_IN_OTHER_ORG",
    });
  }
}

function membershipId(orgId: string, userId: string): string {
  return `${orgId}:${userId}`;
}

/** Owners and admins manage their own org's members; every change is audited with before/after. */
export class MemberService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
    /** Cached credentials carry the role; dropped when a role changes so no stale one is served. */
    private readonly caches?: AppCaches,
  ) {}

  /**
   * Add a new user with an initial password, or attach an existing account (same email) that
   * belongs to no organisation, with a role.
   */
  async add(actor: Actor, input: MemberAddRequest): Promise<MemberResult> {
    const orgId = actor.orgId;
    policy.assert(actor, "member.add", { kind: "membership", orgId, to: input.role });
    if (input.password !== undefined) assertAcceptablePassword(input.password, input.email);
    // Hashing is slow on purpose; do it before the transaction so no locks are held meanwhile.
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new MemberRepository(tx);
      const existing = await repo.findUserByEmail(input.email);
      let userId: string;
      if (existing) {
        userId = existing.id;
        if (await repo.find(orgId, userId)) throw new AlreadyMemberError(input.email);
        if (await repo.hasAnyMembership(userId)) throw new AccountInOtherOrgError();
      } else {
        if (input.displayName === undefined)
          throw ValidationError.field("displayName", "is required for a new user");
        if (passwordHash === undefined) throw ValidationError.field("password", "is required for a new user");
        userId = randomUUID();
        await repo.insertUser({
          id: userId,
          email: input.email,
          displayName: input.displayName,
          passwordHash,
          createdAt: now,
        });
      }
      await repo.insert(orgId, userId, input.role, now);
      const member = await this.mustFind(repo, orgId, userId);
      await writeAudit(
        tx,
        actor,
        {
          orgId,
          action: "membership.create",
          entity: "membership",
          entityId: membershipId(orgId, userId),
          before: null,
          after: { ...member, newUser: !existing },
        },
        now,
      );
      return { ...member, created: !existing };
    });
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<MemberResult> {
    return this.change(actor, userId, role);
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    await this.change(actor, userId, undefined);
  }

  /** Re-role (`to` set) or remove (`to` undefined) one member of the actor's org. */
  private async change(actor: Actor, userId: string, to: Role | undefined): Promise<MemberResult> {
    const orgId = actor.orgId;
    const now = this.now();
    const result = await this.db.transaction(async (tx) => {
      const repo = new MemberRepository(tx);
      // Look up first: someone outside my org is "not found", whoever asks (no existence leak).
      const before = await repo.find(orgId, userId);
      if (!before) throw new NotFoundError("member", userId);
      policy.assert(actor, "member.change", { kind: "membership", orgId, from: before.role, to });
      if (to === before.role) return { ...before, created: false };
      if (before.role === "owner") {
        const owners = await repo.lockOwners(orgId);
        if (owners.length <= 1) throw new LastOwnerError();
      }
      if (to === undefined) await repo.delete(orgId, userId);
      else await repo.setRole(orgId, userId, to);
      // A new (or no) role ends the member's sessions in this org: they sign in again and get a
      // fresh session id and CSRF token, so nothing issued under the old role survives.
      await new AuthRepository(tx).deleteSessionsOf(userId, orgId);
      const after = to === undefined ? null : { ...before, role: to };
      await writeAudit(
        tx,
        actor,
        {
          orgId,
          action: to === undefined ? "membership.delete" : "membership.update",
          entity: "membership",
          entityId: membershipId(orgId, userId),
          before,
          after,
        },
        now,
      );
      return after ? { ...after, created: false } : { ...before, created: false };
    });
    // After the commit, so no request can re-cache the old credentials. The cache is keyed by
    // session id / token hash, which we do not have here; role changes are rare, so drop all.
    this.caches?.credentials.clear();
    return result;
  }

  private async mustFind(repo: MemberRepository, orgId: string, userId: string): Promise<Member> {
    const m = await repo.find(orgId, userId);
    if (!m) throw new NotFoundError("member", userId);
    return m;
  }
}
