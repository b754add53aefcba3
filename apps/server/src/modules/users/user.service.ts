import { randomUUID } from "node:crypto";
import type { Role } from "@clusterbrain/contracts";
import { and, eq, or } from "drizzle-orm";
import { assertAcceptablePassword } from "../../auth/password-policy.ts";
import { hashPassword } from "../../auth/secrets.ts";
import type { Database } from "../../db/database.ts";
import { memberships, orgs, users } from "../../db/schema/index.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";

export interface AddUserInput {
  email: string;
  /** Org id or its 统一社会信用代码. */
  org: string;
  role: Role;
  password: string;
  displayName?: string;
}

export interface AddUserResult {
  userId: string;
  orgId: string;
  created: boolean;
}

/**
 * Adds a user to an org with a role (the CLI's `user add`). An existing user (same email) gets
 * the membership, or a new role in it; the password is set either way. Audited as a system action.
 */
export async function addUser(db: Database, input: AddUserInput, now = new Date()): Promise<AddUserResult> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw ValidationError.field("email", "is not an email address");
  assertAcceptablePassword(input.password, email);
  // NFC like the API's password field, so a password set here signs in however it is typed.
  const passwordHash = await hashPassword(input.password.normalize("NFC"));
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(or(eq(orgs.id, input.org), eq(orgs.uscc, input.org.toUpperCase())));
    if (!org) throw new NotFoundError("org", input.org);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const userId = existing?.id ?? randomUUID();
    if (existing) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    } else {
      await tx
        .insert(users)
        .values({ id: userId, email, displayName: input.displayName ?? email, passwordHash, createdAt: now });
    }
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
    if (member) {
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
    } else {
      await tx.insert(memberships).values({ orgId: org.id, userId, role: input.role, createdAt: now });
    }
    await writeAudit(
      tx,
      null,
      {
        orgId: org.id,
        action: member ? "membership.update" : "membership.create",
        entity: "membership",
        entityId: `${org.id}:${userId}`,
        before: member ? { role: member.role } : null,
        after: { email, role: input.role },
      },
      now,
    );
    return { userId, orgId: org.id, created: !existing };
  });
}
