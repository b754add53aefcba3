import { randomUUID } from "node:crypto";
import type {
  MaterialContact,
  MaterialContactCreate,
  MaterialContactList,
  MaterialListing,
  MaterialListingCreate,
  MaterialListingList,
  MaterialListingQuery,
  MaterialListingUpdate,
  MaterialMatchList,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { districtPoint } from "../innovation/district.points.ts";
import type { LiveHub } from "../live/live.hub.ts";
import { recordListingContact } from "../notifications/listing-contact.ts";
import { NotificationOutbox } from "../notifications/notification.service.ts";
import { type MaterialSide, rankMaterialMatches } from "./materials.match.ts";
import {
  type MaterialContactView,
  type MaterialListingView,
  MaterialsRepository,
} from "./materials.repository.ts";

const MATCH_LIMIT = 20;

export function toMaterialListing(actor: Actor, r: MaterialListingView): MaterialListing {
  return {
    id: r.id,
    kind: r.kind,
    orgId: r.orgId,
    orgNameZh: r.orgNameZh,
    orgNameEn: r.orgNameEn,
    category: r.category,
    spec: r.spec,
    quantity: r.quantity,
    unit: r.unit,
    byDate: r.byDate,
    district: r.district || r.orgDistrict,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    mine: r.orgId === actor.orgId,
  };
}

function toContact(r: MaterialContactView): MaterialContact {
  return {
    id: r.id,
    fromOrgId: r.orgId,
    fromOrgNameZh: r.fromOrgNameZh,
    fromOrgNameEn: r.fromOrgNameEn,
    toOrgId: r.toOrgId,
    toOrgNameZh: r.toOrgNameZh,
    toOrgNameEn: r.toOrgNameEn,
    listingId: r.listingId,
    listingSpec: r.listingSpec,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  };
}

function side(r: MaterialListingView): MaterialSide {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    spec: r.spec,
    quantity: r.quantity,
    unit: r.unit,
    byDate: r.byDate,
    location: districtPoint(r.district || r.orgDistrict),
  };
}

/**
 * Material needs and offers of the cluster's firms: post (as a draft or open), edit, publish,
 * close; ranked matches across firms with reasons; contact through the platform.
 */
export class MaterialsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly live?: LiveHub,
  ) {}

  async list(actor: Actor, query: MaterialListingQuery): Promise<MaterialListingList> {
    const repo = new MaterialsRepository(this.db);
    const filter = { kind: query.kind, category: query.category };
    const rows =
      query.scope === "mine" ? await repo.listOwn(actor.orgId, filter) : await repo.listOpen(filter);
    return { items: rows.map((r) => toMaterialListing(actor, r)) };
  }

  async create(actor: Actor, input: MaterialListingCreate): Promise<MaterialListing> {
    policy.assert(actor, "materials.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await new MaterialsRepository(tx).insert({
        id,
        orgId: actor.orgId,
        ...input,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "materials.listing.create",
          entity: "materialListing",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return this.mustOwn(this.db, actor, id);
  }

  async update(actor: Actor, id: string, input: MaterialListingUpdate): Promise<MaterialListing> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const before = await this.mustOwn(tx, actor, id);
      policy.assert(actor, "materials.write", { kind: "org", orgId: before.orgId });
      if (input.status === "draft" && before.status !== "draft")
        throw ValidationError.field("status", "a published listing cannot go back to draft");
      await new MaterialsRepository(tx).update(actor.orgId, id, { ...input, updatedAt: now });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "materials.listing.update",
          entity: "materialListing",
          entityId: id,
          after: input,
        },
        now,
      );
    });
    return this.mustOwn(this.db, actor, id);
  }

  /** Other firms' open listings of the other kind and the same category, ranked with reasons. */
  async matches(actor: Actor, id: string): Promise<MaterialMatchList> {
    const repo = new MaterialsRepository(this.db);
    const own = await repo.findOwn(actor.orgId, id);
    if (!own) throw new NotFoundError("material listing", id);
    const others = await repo.listOpen(
      { kind: own.kind === "need" ? "offer" : "need", category: own.category },
      actor.orgId,
    );
    const contacted = await repo.contactedListingIds(actor.orgId);
    const byId = new Map(others.map((o) => [o.id, o]));
    const ranked = rankMaterialMatches(side(own), others.map(side)).slice(0, MATCH_LIMIT);
    return {
      listingId: id,
      items: ranked.map((m) => ({
        listing: toMaterialListing(actor, byId.get(m.id) as MaterialListingView),
        score: m.score,
        reasons: m.reasons,
        contacted: contacted.has(m.id),
      })),
    };
  }

  async contacts(actor: Actor): Promise<MaterialContactList> {
    const rows = await new MaterialsRepository(this.db).contactsOf(actor.orgId);
    return {
      sent: rows.filter((r) => r.orgId === actor.orgId).map(toContact),
      received: rows.filter((r) => r.toOrgId === actor.orgId).map(toContact),
    };
  }

  /** A message to the firm behind an open listing, and an in-app notification for it. */
  async contact(actor: Actor, input: MaterialContactCreate): Promise<MaterialContact> {
    policy.assert(actor, "materials.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const outbox = new NotificationOutbox();
    const id = await this.db.transaction(async (tx) => {
      const repo = new MaterialsRepository(tx);
      return recordListingContact(tx, actor, input, {
        repo,
        noun: "material listing",
        audit: { action: "materials.contact", entity: "materialContact" },
        outbox,
        now,
        notification: async (target) => {
          const from = await repo.orgNames(actor.orgId);
          return {
            kind: "materials.contact",
            params: {
              fromOrgNameZh: from?.nameZh ?? "",
              fromOrgNameEn: from?.nameEn ?? "",
              listingTitle: target.spec.slice(0, 80),
            },
            link: "/materials?tab=contacts",
          };
        },
      });
    });
    outbox.publish(this.live);
    const row = (await new MaterialsRepository(this.db).contactsOf(actor.orgId)).find((c) => c.id === id);
    if (!row) throw new NotFoundError("material contact", id);
    return toContact(row);
  }

  private async mustOwn(db: DbOrTx, actor: Actor, id: string): Promise<MaterialListing> {
    const row = await new MaterialsRepository(db).findOwn(actor.orgId, id);
    if (!row) throw new NotFoundError("material listing", id);
    return toMaterialListing(actor, row);
  }
}
