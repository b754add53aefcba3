import { randomUUID } from "node:crypto";
import type {
  Calendar,
  CalendarQuery,
  Resource,
  ResourceCreate,
  ResourceListQuery,
  ResourcePage,
  ResourceUpdate,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { toResource } from "./resource.mappers.ts";
import { ResourceRepository } from "./resource.repository.ts";

/**
 * Listings of shared instruments, equipment, labs and experts. Every signed-in org sees the
 * cluster's active listings; only the owning org's owner/admin changes one.
 */
export class ResourceService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor, query: ResourceListQuery): Promise<ResourcePage> {
    const { items, total } = await new ResourceRepository(this.db).listResources(query, actor.orgId);
    return {
      items: items.map((r) => toResource(r, actor.orgId)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<Resource> {
    const row = await new ResourceRepository(this.db).findResource(id);
    // A retired listing is its owner's business only.
    if (!row || (row.status === "retired" && row.orgId !== actor.orgId))
      throw new NotFoundError("resource", id);
    return toResource(row, actor.orgId);
  }

  async create(actor: Actor, input: ResourceCreate): Promise<Resource> {
    policy.assert(actor, "resource.manage", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new ResourceRepository(tx).insertResource({
        id,
        orgId: actor.orgId,
        ...input,
        status: "active",
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "resource.create", entity: "resource", entityId: id, after: input },
        now,
      );
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: ResourceUpdate): Promise<Resource> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new ResourceRepository(tx);
      const before = await repo.findResource(id);
      if (!before) throw new NotFoundError("resource", id);
      policy.assert(actor, "resource.manage", { kind: "org", orgId: before.orgId });
      await repo.updateResource(before.orgId, id, { ...input, updatedAt: now });
      await writeAudit(
        tx,
        actor,
        { orgId: before.orgId, action: "resource.update", entity: "resource", entityId: id, after: input },
        now,
      );
    });
    return this.get(actor, id);
  }

  /**
   * Taken slots in the window. Who booked is told only to that org and to the owner; everyone else
   * sees that the time is taken.
   */
  async calendar(actor: Actor, id: string, query: CalendarQuery): Promise<Calendar> {
    const resource = await this.get(actor, id);
    const rows = await new ResourceRepository(this.db).slots(id, new Date(query.from), new Date(query.to));
    return {
      resourceId: id,
      openHour: resource.openHour,
      closeHour: resource.closeHour,
      slots: rows.map((b) => {
        const visible = b.orgId === actor.orgId || resource.ownerOrgId === actor.orgId;
        return {
          startsAt: b.startsAt.toISOString(),
          endsAt: b.endsAt.toISOString(),
          status: b.status,
          mine: b.orgId === actor.orgId,
          bookingId: visible ? b.id : null,
        };
      }),
    };
  }
}
