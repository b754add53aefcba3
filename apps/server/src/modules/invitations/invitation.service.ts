import { randomUUID } from "node:crypto";
import type {
  Invitation,
  InvitationAcceptRequest,
  InvitationCreated,
  InvitationCreateRequest,
  InvitationList,
  InvitationPreview,
  InvitationStatus,
  MeResponse,
} from "@clusterbrain/contracts";
import { INVITATION_DEFAULT_HOURS } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { assertAcceptablePassword } from "../../auth/password-policy.ts";
import { canAcceptInvitation, canInvite, canListInvitations } from "../../auth/policy.ts";
import { hashApiToken, hashPassword, randomToken } from "../../auth/secrets.ts";
import type { Database } from "../../db/database.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors/index.ts";
import type { AppCaches } from "../../http/app-caches.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { AuthRepository } from "../auth/auth.repository.ts";
import { issueSession, meFor } from "../auth/session.issuer.ts";
import { MemberRepository } from "../members/member.repository.ts";
import type { SecuritySettings } from "../module.ts";
import { InvitationEmailMismatchError, InvitationRefusedError } from "./invitation.errors.ts";
import { InvitationRepository, type InvitationRow } from "./invitation.repository.ts";

const HOUR = 3_600_000;
const LIST_LIMIT = 200;

export interface AcceptContext {
  ip: string;
  userAgent: string;
  requestId: string;
}

export interface AcceptResult {
  sessionToken: string;
  expiresAt: Date;
  me: MeResponse;
}

export function invitationStatus(row: InvitationRow, now: Date): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    orgId: row.orgId,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Refuses an invitation that is used, withdrawn or past its expiry. */
function assertUsable(row: InvitationRow, now: Date): void {
  const status = invitationStatus(row, now);
  if (status === "accepted") throw new InvitationRefusedError("INVITATION_USED");
  if (status === "revoked") throw new InvitationRefusedError("INVITATION_REVOKED");
  if (status === "expired") throw new InvitationRefusedError("INVITATION_EXPIRED");
}

/**
 * Invitations by link: an org's owner/admin invites an email with a role; whoever opens the link
 * with that email joins (a signed-in account) or registers (a new one). Every step is audited.
 */
export class InvitationService {
  constructor(
    private readonly db: Database,
    private readonly security: SecuritySettings,
    private readonly sessionSecret: string,
    private readonly now: () => Date,
    private readonly caches: AppCaches,
  ) {}

  async create(actor: Actor, input: InvitationCreateRequest): Promise<InvitationCreated> {
    const orgId = actor.orgId;
    if (!canInvite(actor, orgId, input.role))
      throw new ForbiddenError(
        "only the org's owner or admin may invite, and only an owner may invite owners",
      );
    const token = randomToken();
    const now = this.now();
    const hours = input.expiresInHours ?? INVITATION_DEFAULT_HOURS;
    return this.db.transaction(async (tx) => {
      const members = new MemberRepository(tx);
      const existing = await members.findUserByEmail(input.email);
      if (existing && (await members.find(orgId, existing.id)))
        throw new InvitationRefusedError("ALREADY_MEMBER");
      const row = await new InvitationRepository(tx).insert({
        id: randomUUID(),
        orgId,
        email: input.email,
        role: input.role,
        // Only the hash is kept: the link cannot be rebuilt from the database.
        tokenHash: hashApiToken(token),
        createdBy: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + hours * HOUR),
      });
      const view = toInvitation(row, now);
      await writeAudit(
        tx,
        actor,
        {
          orgId,
          action: "invitation.create",
          entity: "invitation",
          entityId: row.id,
          before: null,
          after: view,
        },
        now,
      );
      return { ...view, token, path: `/invite/${token}` };
    });
  }

  async list(actor: Actor): Promise<InvitationList> {
    if (!canListInvitations(actor, actor.orgId))
      throw new ForbiddenError("only the org's owner or admin may see its invitations");
    const now = this.now();
    const rows = await new InvitationRepository(this.db).listForOrg(actor.orgId, LIST_LIMIT);
    return { items: rows.map((r) => toInvitation(r, now)) };
  }

  async revoke(actor: Actor, id: string): Promise<Invitation> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new InvitationRepository(tx);
      // Looked up in my org only: another org's invitation is "not found", whoever asks.
      const row = await repo.findInOrg(actor.orgId, id);
      if (!row) throw new NotFoundError("invitation", id);
      if (!canInvite(actor, actor.orgId, row.role))
        throw new ForbiddenError(
          "only the org's owner or admin may withdraw invitations (owners' by an owner)",
        );
      assertUsable(row, now);
      await repo.markRevoked(id, now);
      const before = toInvitation(row, now);
      const after = { ...before, status: "revoked" as const, revokedAt: now.toISOString() };
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "invitation.revoke",
          entity: "invitation",
          entityId: id,
          before,
          after,
        },
        now,
      );
      return after;
    });
  }

  /** The public page behind the link: which org, which role, for which email. */
  async preview(token: string): Promise<InvitationPreview> {
    const now = this.now();
    const row = await new InvitationRepository(this.db).findByTokenHash(hashApiToken(token), false);
    if (!row) throw new NotFoundError("invitation");
    assertUsable(row, now);
    const account = await new MemberRepository(this.db).findUserByEmail(row.email);
    return {
      orgNameZh: row.orgNameZh,
      orgNameEn: row.orgNameEn,
      email: row.email,
      role: row.role,
      expiresAt: row.expiresAt.toISOString(),
      accountExists: account !== undefined,
    };
  }

  /**
   * Accepts the invitation: the signed-in account with the invited email joins; without a session
   * a new account is made from the display name and password. Either way the caller ends up signed
   * in to the invited org with a fresh session (the old one, if any, ends).
   */
  async accept(
    actor: Actor | null,
    token: string,
    input: InvitationAcceptRequest,
    ctx: AcceptContext,
  ): Promise<AcceptResult> {
    if (actor && actor.via !== "session")
      throw new ForbiddenError("accept invitations in the browser, not with an API token");
    if (!actor && input.displayName === undefined)
      throw ValidationError.field("displayName", "is required to create your account");
    if (!actor && input.password !== undefined) assertAcceptablePassword(input.password);
    // Hashing is slow on purpose; do it before the transaction so no row stays locked meanwhile.
    const passwordHash = !actor && input.password ? await hashPassword(input.password) : undefined;
    const now = this.now();
    const result = await this.db.transaction(async (tx) => {
      const invitations = new InvitationRepository(tx);
      const row = await invitations.findByTokenHash(hashApiToken(token), true);
      if (!row) throw new NotFoundError("invitation");
      assertUsable(row, now);
      const members = new MemberRepository(tx);
      const auth = new AuthRepository(tx);
      let user: { id: string; email: string; displayName: string };
      if (actor) {
        if (!canAcceptInvitation(actor.email, row.email)) throw new InvitationEmailMismatchError();
        if (await members.find(row.orgId, actor.userId)) throw new InvitationRefusedError("ALREADY_MEMBER");
        user = { id: actor.userId, email: actor.email, displayName: actor.displayName };
        await auth.deleteSession(actor.credentialId);
      } else {
        if (await members.findUserByEmail(row.email)) throw new InvitationRefusedError("ACCOUNT_EXISTS");
        user = { id: randomUUID(), email: row.email, displayName: input.displayName ?? row.email };
        if (passwordHash === undefined || input.password === undefined)
          throw ValidationError.field("password", "is required to create your account");
        // The invited email is known only now; the password must not contain it.
        assertAcceptablePassword(input.password, row.email);
        if (!(await invitations.insertUserIfAbsent({ ...user, passwordHash, createdAt: now })))
          throw new InvitationRefusedError("ACCOUNT_EXISTS");
      }
      await members.insert(row.orgId, user.id, row.role, now);
      await invitations.markAccepted(row.id, user.id, now);
      const memberships = await auth.membershipsOf(user.id);
      const current = memberships.find((m) => m.orgId === row.orgId);
      if (!current) throw new NotFoundError("invitation");
      const session = await issueSession(auth, this.sessionSecret, {
        userId: user.id,
        orgId: row.orgId,
        now,
        expiresAt: new Date(now.getTime() + this.security.sessionHours * HOUR),
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      const newcomer: Actor = {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        orgId: row.orgId,
        orgKind: current.orgKind,
        role: current.role,
        via: "session",
        credentialId: session.sessionId,
        requestId: ctx.requestId,
      };
      const before = toInvitation(row, now);
      const after = { ...before, status: "accepted" as const, acceptedAt: now.toISOString() };
      await writeAudit(
        tx,
        newcomer,
        {
          orgId: row.orgId,
          action: "invitation.accept",
          entity: "invitation",
          entityId: row.id,
          before,
          after,
        },
        now,
      );
      await writeAudit(
        tx,
        newcomer,
        {
          orgId: row.orgId,
          action: "membership.create",
          entity: "membership",
          entityId: `${row.orgId}:${user.id}`,
          before: null,
          after: { ...user, role: row.role, newUser: !actor, invitationId: row.id },
        },
        now,
      );
      return {
        sessionToken: session.sessionToken,
        expiresAt: session.expiresAt,
        me: meFor(user, memberships, current, session.csrfToken),
      };
    });
    if (actor) this.caches.credentials.delete(`s:${actor.credentialId}`);
    return result;
  }
}
