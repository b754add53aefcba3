import type { OrgKind, Role } from "@clusterbrain/contracts";
import { and, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { apiTokens, loginAttempts, memberships, orgs, sessions, users } from "../../db/schema/index.ts";

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isActive: boolean;
}

export interface MembershipRow {
  orgId: string;
  role: Role;
  orgNameZh: string;
  orgNameEn: string;
  orgKind: OrgKind;
}

/** A credential joined with the user and their (current) role in the credential's org. */
export interface CredentialRow {
  credentialId: string;
  userId: string;
  email: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  csrfToken: string | null;
  expiresAt: Date | null;
}

export class AuthRepository {
  constructor(private readonly db: DbOrTx) {}

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
        isActive: users.isActive,
      })
      .from(users)
      .where(eq(users.email, email));
    return row;
  }

  async membershipsOf(userId: string): Promise<MembershipRow[]> {
    return this.db
      .select({
        orgId: memberships.orgId,
        role: memberships.role,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        orgKind: orgs.kind,
      })
      .from(memberships)
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(memberships.createdAt, memberships.orgId);
  }

  async recordAttempt(email: string, ip: string, success: boolean, at: Date): Promise<void> {
    await this.db.insert(loginAttempts).values({ email, ip, success, at });
  }

  /** Failed attempts for this email since `since` (the lock window or the last success, whichever is later). */
  async failuresForEmail(email: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .select({ at: loginAttempts.at, success: loginAttempts.success })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)))
      .orderBy(desc(loginAttempts.at), desc(loginAttempts.id));
    const failures: Date[] = [];
    for (const r of rows) {
      if (r.success) break;
      failures.push(r.at);
    }
    return failures;
  }

  async attemptsFromIp(ip: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    return Number(row?.n ?? 0);
  }

  async createSession(values: typeof sessions.$inferInsert): Promise<void> {
    await this.db.insert(sessions).values(values);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, id));
  }

  /** Ends every session a user has in one org (after their role there changed or ended). */
  async deleteSessionsOf(userId: string, orgId: string): Promise<number> {
    const gone = await this.db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId)))
      .returning({ id: sessions.id });
    return gone.length;
  }

  async findSession(id: string, now: Date): Promise<CredentialRow | undefined> {
    const [row] = await this.db
      .select({
        credentialId: sessions.id,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        orgId: sessions.orgId,
        orgKind: orgs.kind,
        role: memberships.role,
        csrfToken: sessions.csrfToken,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(
        memberships,
        and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)),
      )
      .innerJoin(orgs, eq(orgs.id, sessions.orgId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.isActive, true)));
    return row;
  }

  async findApiToken(tokenHash: string, now: Date): Promise<CredentialRow | undefined> {
    const [row] = await this.db
      .select({
        credentialId: apiTokens.id,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        orgId: apiTokens.orgId,
        orgKind: orgs.kind,
        role: memberships.role,
        expiresAt: apiTokens.expiresAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .innerJoin(
        memberships,
        and(eq(memberships.userId, apiTokens.userId), eq(memberships.orgId, apiTokens.orgId)),
      )
      .innerJoin(orgs, eq(orgs.id, apiTokens.orgId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.isActive, true)));
    if (!row || (row.expiresAt && row.expiresAt <= now)) return undefined;
    return { ...row, csrfToken: null };
  }

  async touchApiToken(id: string, now: Date): Promise<void> {
    await this.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  }

  async createApiToken(values: typeof apiTokens.$inferInsert): Promise<typeof apiTokens.$inferSelect> {
    const [row] = await this.db.insert(apiTokens).values(values).returning();
    return row;
  }

  async listApiTokens(userId: string, orgId: string): Promise<(typeof apiTokens.$inferSelect)[]> {
    return this.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), eq(apiTokens.orgId, orgId)))
      .orderBy(desc(apiTokens.createdAt));
  }

  async findApiTokenById(id: string): Promise<typeof apiTokens.$inferSelect | undefined> {
    const [row] = await this.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    return row;
  }

  async revokeApiToken(id: string, now: Date): Promise<void> {
    await this.db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
  }

  /** Memberships (role and org names) of the users with these emails; for the dev-mode login hint. */
  async membershipsByEmail(
    emails: string[],
  ): Promise<{ email: string; role: Role; nameZh: string; nameEn: string }[]> {
    if (emails.length === 0) return [];
    return this.db
      .select({ email: users.email, role: memberships.role, nameZh: orgs.nameZh, nameEn: orgs.nameEn })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(inArray(users.email, emails));
  }
}
