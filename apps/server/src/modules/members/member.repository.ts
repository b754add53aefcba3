import type { Member, Role } from "@clusterbrain/contracts";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { memberships, users } from "../../db/schema/index.ts";

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: Date;
}

/** Memberships of one org joined with their users; every query is scoped by org id. */
export class MemberRepository {
  constructor(private readonly db: DbOrTx) {}

  async find(orgId: string, userId: string): Promise<Member | undefined> {
    const [row] = await this.db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return row;
  }

  async findUserByEmail(email: string): Promise<{ id: string } | undefined> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return row;
  }

  async hasAnyMembership(userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ orgId: memberships.orgId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .limit(1);
    return row !== undefined;
  }

  async insertUser(user: NewUser): Promise<void> {
    await this.db.insert(users).values(user);
  }

  async insert(orgId: string, userId: string, role: Role, createdAt: Date): Promise<void> {
    await this.db.insert(memberships).values({ orgId, userId, role, createdAt });
  }

  async setRole(orgId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  }

  async delete(orgId: string, userId: string): Promise<void> {
    await this.db
      .delete(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  }

  /** Owners of the org, row-locked so two concurrent demotions cannot both pass the last-owner check. */
  async lockOwners(orgId: string): Promise<string[]> {
    const rows = await this.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))
      .for("update");
    return rows.map((r) => r.userId);
  }
}
