import type { ImportEntity, ImportFormat } from "@clusterbrain/contracts";
import { eq, or } from "drizzle-orm";
import type { Actor } from "../../auth/actor.ts";
import type { Database } from "../../db/database.ts";
import { memberships, orgs, users } from "../../db/schema/index.ts";
import { NotFoundError } from "../../errors/index.ts";
import { COLUMNS } from "./import.columns.ts";
import { mapHeader } from "./import.header.ts";
import { readSheet } from "./sheet.reader.ts";

/**
 * The actor the command line works as. Someone running the CLI already holds the database, so by
 * default it acts as the system, owner of the given org (or of the operator); `--as` narrows it
 * to a real user's membership and role.
 */
export async function cliActor(db: Database, opts: { as?: string; org?: string }): Promise<Actor> {
  if (opts.as) {
    const [row] = await db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        orgId: orgs.id,
        orgKind: orgs.kind,
        role: memberships.role,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(orgs, eq(orgs.id, memberships.orgId))
      .where(eq(users.email, opts.as.trim().toLowerCase()));
    if (!row) throw new NotFoundError("user", opts.as);
    return { ...row, via: "token", credentialId: "cli" };
  }
  const [org] = opts.org
    ? await db
        .select()
        .from(orgs)
        .where(or(eq(orgs.id, opts.org), eq(orgs.uscc, opts.org.trim().toUpperCase())))
    : await db.select().from(orgs).where(eq(orgs.kind, "operator"));
  if (!org) throw new NotFoundError(opts.org ? "organisation" : "operator organisation", opts.org);
  return {
    userId: "system:cli",
    email: "cli@localhost",
    displayName: "clusterbrain CLI",
    orgId: org.id,
    orgKind: org.kind,
    role: "owner",
    via: "token",
    credentialId: "cli",
  };
}

/** Which entity a file holds, judged by which template's required columns its header has. */
export async function detectEntity(bytes: Uint8Array, format: ImportFormat): Promise<ImportEntity> {
  const [header] = await readSheet(bytes, format);
  if (!header) return "orgs";
  const missing = (entity: ImportEntity) => mapHeader(header, COLUMNS[entity]).issues.length;
  return missing("relations") < missing("orgs") ? "relations" : "orgs";
}
