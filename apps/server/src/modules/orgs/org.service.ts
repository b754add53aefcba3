import { randomUUID } from "node:crypto";
import type {
  MemberList,
  OrgCreateRequest,
  OrgFacets,
  OrgProfile,
  OrgSearchQuery,
  OrgSearchResponse,
  OrgUpdateRequest,
} from "@clusterbrain/contracts";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../../auth/actor.ts";
import { CLUSTER, policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { memberships, orgs, users } from "../../db/schema/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import type { AggregateCache } from "../../http/app-caches.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { privateReadAccessMany } from "../grants/grant-access.ts";
import { toOrgProfile } from "./org.mapper.ts";
import { type OrgInsert, OrgRepository, type OrgRow } from "./org.repository.ts";
import { orgSearchTokens } from "./org-search.ts";

/** Rebuilds search tokens for some (or all) orgs; the demo loader and importers call this after bulk inserts. */
export async function rebuildSearchTokens(db: DbOrTx, orgIds?: string[]): Promise<void> {
  const rows = orgIds
    ? await db.select().from(orgs).where(inArray(orgs.id, orgIds))
    : await db.select().from(orgs);
  const repo = new OrgRepository(db);
  for (const row of rows) await repo.replaceTokens(row.id, orgSearchTokens(row));
}

export class OrgService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
    private readonly aggregates: AggregateCache,
  ) {}

  /** Results hold public fields only, so one cached page serves every caller (writes clear it). */
  async search(_actor: Actor, q: OrgSearchQuery): Promise<OrgSearchResponse> {
    return this.aggregates.search.getOrLoad(searchKey(q), async () => {
      const { hits, total } = await new OrgRepository(this.db).search(q);
      const items = hits.map(({ total: _t, ...summary }) => summary);
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  async facets(): Promise<OrgFacets> {
    return this.aggregates.facets.getOrLoad("all", () => new OrgRepository(this.db).facets());
  }

  /** Public profile for anyone signed in; equipment and contacts only for own staff or through a grant (audited). */
  async get(actor: Actor, id: string): Promise<OrgProfile> {
    const card = await this.aggregates.orgCards.getOrLoad(
      id,
      async () => (await new OrgRepository(this.db).findWithChainNodes(id)) ?? null,
    );
    if (!card) throw new NotFoundError("org", id);
    const now = this.now();
    const access = await privateReadAccessMany(
      this.db,
      actor,
      id,
      ["equipment", "contacts"],
      now,
      this.aggregates.grants,
    );
    return toOrgProfile(card.row, card.nodes, access);
  }

  /** Owner/admin edit their own org; every change is audited with before and after. */
  async update(actor: Actor, id: string, patch: OrgUpdateRequest): Promise<OrgProfile> {
    policy.assert(actor, "org.update", { kind: "org", orgId: id });
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new OrgRepository(tx);
      const before = await repo.findById(id);
      if (!before) throw new NotFoundError("org", id);
      if (patch.uscc && patch.uscc !== before.uscc) {
        const other = await repo.findByUscc(patch.uscc);
        if (other && other.id !== id)
          throw new ConflictError("uscc: another organisation already has this 统一社会信用代码");
      }
      const { contact, chainNodeIds, ...fields } = patch;
      // Saving a form nobody changed writes nothing: no update, no audit entry.
      const currentNodes = chainNodeIds
        ? ((await repo.chainNodesOf([id])).get(id) ?? []).map((n) => n.id)
        : [];
      if (isUnchanged(before, patch, currentNodes)) return;
      const values: Partial<OrgInsert> = { ...fields, updatedAt: now };
      if (contact)
        Object.assign(values, {
          contactName: contact.name,
          contactPhone: contact.phone,
          contactEmail: contact.email,
        });
      const after = await repo.update(id, values);
      if (chainNodeIds) {
        const unique = [...new Set(chainNodeIds)];
        const known = await repo.existingNodeIds(unique);
        const missing = unique.find((n) => !known.has(n));
        if (missing) throw ValidationError.field("chainNodeIds", `unknown chain node ${missing}`);
        await repo.replaceChainNodes(id, unique);
      }
      await repo.replaceTokens(id, orgSearchTokens(after));
      await writeAudit(
        tx,
        actor,
        {
          orgId: id,
          action: "org.update",
          entity: "org",
          entityId: id,
          before: changed(before, after, patch),
          after: {
            ...pick(after, Object.keys(fields)),
            ...(contact ? { contact } : {}),
            ...(chainNodeIds ? { chainNodeIds } : {}),
          },
        },
        now,
      );
    });
    this.aggregates.invalidate();
    return this.get(actor, id);
  }

  /** The operator registers a new org in the directory. */
  async create(actor: Actor, input: OrgCreateRequest): Promise<OrgProfile> {
    policy.assert(actor, "org.create", CLUSTER);
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const repo = new OrgRepository(tx);
      if (input.uscc && (await repo.findByUscc(input.uscc))) {
        throw new ConflictError("uscc: another organisation already has this 统一社会信用代码");
      }
      const row = await repo.insert({
        id,
        ...input,
        uscc: input.uscc ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceTokens(id, orgSearchTokens(row));
      await writeAudit(
        tx,
        actor,
        { orgId: id, action: "org.create", entity: "org", entityId: id, after: input },
        now,
      );
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "org.create", entity: "org", entityId: id, after: input },
        now,
      );
    });
    this.aggregates.invalidate();
    return this.get(actor, id);
  }

  async members(actor: Actor, orgId: string): Promise<MemberList> {
    policy.assert(actor, "org.members.read", { kind: "org", orgId });
    const rows = await this.db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(users.email);
    return { items: rows };
  }
}

/** The cache key of a search: every parameter, in a fixed order. */
function searchKey(q: OrgSearchQuery): string {
  return JSON.stringify(Object.entries(q).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function pick(row: OrgRow, keys: string[]): Record<string, unknown> {
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k]]));
}

/** Canonical JSON (object keys sorted), so jsonb's own key order never reads as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** True when applying the patch would leave the org as it is (chain nodes compared as a set). */
export function isUnchanged(before: OrgRow, patch: OrgUpdateRequest, currentNodeIds: string[]): boolean {
  const { contact, chainNodeIds, ...fields } = patch;
  const row = before as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (canonical(row[key] ?? null) !== canonical(value ?? null)) return false;
  }
  if (
    contact &&
    (contact.name !== before.contactName ||
      contact.phone !== before.contactPhone ||
      contact.email !== before.contactEmail)
  )
    return false;
  if (chainNodeIds) {
    const next = new Set(chainNodeIds);
    if (next.size !== currentNodeIds.length || currentNodeIds.some((n) => !next.has(n))) return false;
  }
  return true;
}

/** The before-image of exactly what the patch touched. */
function changed(before: OrgRow, _after: OrgRow, patch: OrgUpdateRequest): Record<string, unknown> {
  const { contact, chainNodeIds: _nodes, ...fields } = patch;
  return {
    ...pick(before, Object.keys(fields)),
    ...(contact
      ? { contact: { name: before.contactName, phone: before.contactPhone, email: before.contactEmail } }
      : {}),
  };
}
