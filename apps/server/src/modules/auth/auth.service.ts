import { randomUUID } from "node:crypto";
import type {
  ApiToken,
  ApiTokenList,
  CreateApiTokenRequest,
  CreateApiTokenResponse,
  MeResponse,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { CLUSTER, policy } from "../../auth/policy.ts";
import {
  dummyPasswordHash,
  hashApiToken,
  randomToken,
  sessionIdFor,
  verifyPassword,
} from "../../auth/secrets.ts";
import type { Database } from "../../db/database.ts";
import type { apiTokens } from "../../db/schema/index.ts";
import {
  AccountLockedError,
  InvalidCredentialsError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from "../../errors/index.ts";
import type { AppCaches } from "../../http/app-caches.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { SecuritySettings } from "../module.ts";
import { AuthRepository } from "./auth.repository.ts";
import { issueSession, meFor } from "./session.issuer.ts";

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  /** The session cookie sent with the sign-in, if any: that session ends (the id is rotated). */
  previousSessionToken?: string;
}

export interface LoginResult {
  /** Cookie value; the database keeps only its HMAC. */
  sessionToken: string;
  expiresAt: Date;
  me: MeResponse;
}

const MINUTE = 60_000;

export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly security: SecuritySettings,
    private readonly sessionSecret: string,
    private readonly now: () => Date,
    private readonly caches: AppCaches,
  ) {}

  /**
   * Checks the IP budget, then the account lock, then the password. Lockout counts failures per
   * email whether the account exists or not, so the answers reveal nothing about which emails exist.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const repo = new AuthRepository(this.db);
    const now = this.now();
    const ipSince = new Date(now.getTime() - this.security.ipWindowMinutes * MINUTE);
    if ((await repo.attemptsFromIp(input.ip, ipSince)) >= this.security.ipMaxAttempts) {
      throw new RateLimitedError(
        "too many failed sign-ins from this address; wait and try again",
        this.security.ipWindowMinutes * 60,
      );
    }
    const lockSince = new Date(now.getTime() - this.security.lockoutMinutes * MINUTE);
    const failures = await repo.failuresForEmail(input.email, lockSince);
    if (failures.length >= this.security.maxFailedLogins) {
      // Locked until lockoutMinutes after the failure that reached the limit.
      const trigger = failures[failures.length - this.security.maxFailedLogins];
      throw new AccountLockedError(new Date(trigger.getTime() + this.security.lockoutMinutes * MINUTE));
    }
    const user = await repo.findUserByEmail(input.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    const memberships = user && ok && user.isActive ? await repo.membershipsOf(user.id) : [];
    if (!user || !ok || !user.isActive || memberships.length === 0) {
      await repo.recordAttempt(input.email, input.ip, false, now);
      throw new InvalidCredentialsError();
    }
    await repo.recordAttempt(input.email, input.ip, true, now);
    const primary = memberships[0];
    const expiresAt = new Date(now.getTime() + this.security.sessionHours * 60 * MINUTE);
    const session = await issueSession(repo, this.sessionSecret, {
      userId: user.id,
      orgId: primary.orgId,
      now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    // Rotate: a cookie planted or left before sign-in must not stay valid beside the new one.
    if (input.previousSessionToken) {
      const previous = sessionIdFor(input.previousSessionToken, this.sessionSecret);
      await repo.deleteSession(previous);
      this.caches.credentials.delete(`s:${previous}`);
    }
    return {
      sessionToken: session.sessionToken,
      expiresAt,
      me: meFor(user, memberships, primary, session.csrfToken),
    };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.via === "session") await new AuthRepository(this.db).deleteSession(actor.credentialId);
    this.caches.credentials.delete(`s:${actor.credentialId}`);
  }

  /** The signed-in user, org and role; with a session, also the CSRF token for writes. */
  async me(actor: Actor, csrfToken: string): Promise<MeResponse> {
    const memberships = await new AuthRepository(this.db).membershipsOf(actor.userId);
    const current = memberships.find((m) => m.orgId === actor.orgId);
    if (!current) throw new UnauthenticatedError();
    return {
      user: { id: actor.userId, email: actor.email, displayName: actor.displayName },
      org: { id: current.orgId, nameZh: current.orgNameZh, nameEn: current.orgNameEn, kind: current.orgKind },
      role: current.role,
      isOperator: policy.isOperator(actor),
      memberships,
      csrfToken,
    };
  }

  async listTokens(actor: Actor): Promise<ApiTokenList> {
    const rows = await new AuthRepository(this.db).listApiTokens(actor.userId, actor.orgId);
    return { items: rows.map(toApiToken) };
  }

  /** A token acts as its user in the user's current org; the secret is returned once. */
  async createToken(actor: Actor, input: CreateApiTokenRequest): Promise<CreateApiTokenResponse> {
    policy.assert(actor, "apiToken.create", CLUSTER);
    const secret = randomToken();
    const prefix = secret.slice(0, 8);
    const token = `cb_${secret}`;
    const now = this.now();
    // A token born expired would only fail later without saying why (grants refuse the same).
    if (input.expiresAt && new Date(input.expiresAt) <= now)
      throw ValidationError.field("expiresAt", "must be in the future");
    return this.db.transaction(async (tx) => {
      const row = await new AuthRepository(tx).createApiToken({
        id: randomUUID(),
        orgId: actor.orgId,
        userId: actor.userId,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: `cb_${prefix}`,
        createdAt: now,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      });
      const view = toApiToken(row);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "api_token.create",
          entity: "api_token",
          entityId: row.id,
          after: view,
        },
        now,
      );
      return { ...view, token };
    });
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new AuthRepository(tx);
      const row = await repo.findApiTokenById(id);
      if (!row) throw new NotFoundError("api token", id);
      policy.assert(actor, "apiToken.revoke", { kind: "apiToken", id, userId: row.userId, orgId: row.orgId });
      await repo.revokeApiToken(id, now);
      // The cache is keyed by token hash, which we do not keep; revocations are rare, so drop all.
      this.caches.credentials.clear();
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "api_token.revoke",
          entity: "api_token",
          entityId: id,
          before: toApiToken(row),
          after: { revokedAt: now.toISOString() },
        },
        now,
      );
    });
  }
}

function toApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
