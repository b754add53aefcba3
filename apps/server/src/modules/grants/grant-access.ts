import type { DataClass } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { type PrivateAccess, policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { GrantRepository } from "./grant.repository.ts";

/**
 * Decides (through the policy) whether `actor` may read `dataClass` of `ownerOrgId`, and when the
 * answer is "through a grant", records the read in the owner's audit log. Every service reading
 * another org's private data goes through here.
 */
export async function privateReadAccess(
  db: DbOrTx,
  actor: Actor,
  ownerOrgId: string,
  dataClass: DataClass,
  now: Date,
): Promise<PrivateAccess> {
  if (actor.orgId === ownerOrgId) return policy.privateAccess(actor, ownerOrgId, dataClass, false);
  const grant = await new GrantRepository(db).findActive(ownerOrgId, actor.orgId, dataClass, now);
  const access = policy.privateAccess(actor, ownerOrgId, dataClass, grant !== undefined);
  if (access === "grant" && grant) {
    await writeAudit(
      db,
      actor,
      {
        orgId: ownerOrgId,
        action: "grant.read",
        entity: dataClass,
        entityId: ownerOrgId,
        after: { grantId: grant.id },
      },
      now,
    );
  }
  return access;
}

/** The same decision for several data classes of one org in one grant lookup (profile pages). */
export async function privateReadAccessMany<C extends DataClass>(
  db: DbOrTx,
  actor: Actor,
  ownerOrgId: string,
  dataClasses: readonly C[],
  now: Date,
): Promise<Record<C, PrivateAccess>> {
  const out = {} as Record<C, PrivateAccess>;
  if (actor.orgId === ownerOrgId) {
    for (const c of dataClasses) out[c] = policy.privateAccess(actor, ownerOrgId, c, false);
    return out;
  }
  const active = await new GrantRepository(db).findActiveClasses(ownerOrgId, actor.orgId, dataClasses, now);
  for (const c of dataClasses) {
    const grant = active.get(c);
    out[c] = policy.privateAccess(actor, ownerOrgId, c, grant !== undefined);
    if (out[c] === "grant" && grant) {
      await writeAudit(
        db,
        actor,
        {
          orgId: ownerOrgId,
          action: "grant.read",
          entity: c,
          entityId: ownerOrgId,
          after: { grantId: grant },
        },
        now,
      );
    }
  }
  return out;
}
