import type { DataClass } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { type PrivateAccess, policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import type { TtlCache } from "../../http/ttl-cache.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { GrantRepository, type GrantWindow } from "./grant.repository.ts";

/** Unrevoked grants per grantor→grantee pair (see AggregateCache.grants). */
export type GrantCache = TtlCache<GrantWindow[]>;

/**
 * Active grants of several classes from grantor to grantee: data class → grant id (lowest id).
 * With a cache the pair's unrevoked grants come from memory and are judged against `now` here, so
 * expiry needs no invalidation; granting and revoking are writes, which clear the cache.
 */
export async function activeGrantClasses(
  db: DbOrTx,
  grantorOrgId: string,
  granteeOrgId: string,
  dataClasses: readonly DataClass[],
  now: Date,
  cache?: GrantCache,
): Promise<Map<string, string>> {
  const repo = new GrantRepository(db);
  if (!cache) return repo.findActiveClasses(grantorOrgId, granteeOrgId, dataClasses, now);
  const windows = await cache.getOrLoad(`${grantorOrgId}\u0001${granteeOrgId}`, () =>
    repo.findUnrevoked(grantorOrgId, granteeOrgId),
  );
  const out = new Map<string, string>();
  for (const w of windows)
    if (dataClasses.includes(w.dataClass) && w.expiresAt > now && !out.has(w.dataClass))
      out.set(w.dataClass, w.id);
  return out;
}

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
  if (!policy.needsGrant(actor, ownerOrgId)) return policy.privateAccess(actor, ownerOrgId, false);
  const grant = await new GrantRepository(db).findActive(ownerOrgId, actor.orgId, dataClass, now);
  const access = policy.privateAccess(actor, ownerOrgId, grant !== undefined);
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

/**
 * `privateReadAccess` for a read that cannot go on without the data (lists of indicators or
 * relations): the policy answers 404 when the actor's org neither owns the data nor holds a grant.
 */
export async function requirePrivateRead(
  db: DbOrTx,
  actor: Actor,
  ownerOrgId: string,
  dataClass: DataClass,
  now: Date,
): Promise<"own" | "grant"> {
  const access = await privateReadAccess(db, actor, ownerOrgId, dataClass, now);
  policy.assert(actor, "privateData.read", {
    kind: "privateData",
    orgId: ownerOrgId,
    dataClass,
    hasActiveGrant: access === "grant",
  });
  return access === "own" ? "own" : "grant";
}

/**
 * The same decision for several data classes of one org in one grant lookup (profile pages); pass
 * `cache` only outside a transaction. Reads through a grant are audited on every call, cached or not.
 */
export async function privateReadAccessMany<C extends DataClass>(
  db: DbOrTx,
  actor: Actor,
  ownerOrgId: string,
  dataClasses: readonly C[],
  now: Date,
  cache?: GrantCache,
): Promise<Record<C, PrivateAccess>> {
  const out = {} as Record<C, PrivateAccess>;
  if (!policy.needsGrant(actor, ownerOrgId)) {
    for (const c of dataClasses) out[c] = policy.privateAccess(actor, ownerOrgId, false);
    return out;
  }
  const active = await activeGrantClasses(db, ownerOrgId, actor.orgId, dataClasses, now, cache);
  for (const c of dataClasses) {
    const grant = active.get(c);
    out[c] = policy.privateAccess(actor, ownerOrgId, grant !== undefined);
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
