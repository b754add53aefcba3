import { randomUUID } from "node:crypto";
import type {
  Bundle,
  BundleWrite,
  Campaign,
  CampaignWrite,
  HospitalInventory,
  HospitalInventoryWrite,
  Lead,
  LeadUpdate,
  Segment,
  SegmentFilter,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { type BundleRow, type LeadView, MarketingRepository } from "./marketing.repository.ts";
import { buildSegment } from "./marketing.segment.ts";

const toLead = (l: LeadView): Lead => ({
  id: l.id,
  campaignId: l.campaignId,
  accountOrgId: l.accountOrgId,
  accountNameZh: l.accountNameZh,
  accountNameEn: l.accountNameEn,
  contact: l.contact,
  stage: l.stage,
  activities: l.activities,
});
const toBundle = (b: BundleRow): Bundle => ({
  id: b.id,
  name: b.name,
  segment: b.segment,
  items: b.items,
  price: b.price,
  createdAt: b.createdAt.toISOString(),
});

/** Precision marketing on hospitals' equipment data, shared with a supplier only by grant. */
export class MarketingService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
  ) {}

  async inventory(actor: Actor): Promise<HospitalInventory> {
    const repo = new MarketingRepository(this.db);
    const [h, items] = await Promise.all([repo.hospital(actor.orgId), repo.equipmentOf([actor.orgId])]);
    return {
      orgId: actor.orgId,
      level: h?.level ?? null,
      county: h?.county ?? null,
      items: items.map(({ deviceType, brand, installYear, count, usageHours }) => ({
        deviceType,
        brand,
        installYear,
        count,
        usageHours,
      })),
    };
  }

  async saveInventory(actor: Actor, input: HospitalInventoryWrite): Promise<HospitalInventory> {
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const at = this.now();
    await this.db.transaction(async (tx) => {
      await new MarketingRepository(tx).replaceInventory(
        { orgId: actor.orgId, level: input.level, county: input.county },
        input.items,
      );
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "marketing.inventory",
          entity: "equipment",
          entityId: actor.orgId,
          after: input,
        },
        at,
      );
    });
    return this.inventory(actor);
  }

  /**
   * The hospitals that granted the actor's org their equipment data and match the filter. Every
   * hospital read through its grant is recorded in that hospital's audit log.
   */
  async segment(actor: Actor, filter: SegmentFilter): Promise<Segment> {
    const at = this.now();
    const repo = new MarketingRepository(this.db);
    const hospitals = (await repo.consentedHospitals(actor.orgId, at)).filter((h) => h.orgId !== actor.orgId);
    const equipment = await repo.equipmentOf(hospitals.map((h) => h.orgId));
    const segment = buildSegment(hospitals, equipment, filter, at.getUTCFullYear());
    const shown = new Set(segment.hospitals.map((h) => h.orgId));
    for (const h of hospitals.filter((x) => shown.has(x.orgId)))
      await writeAudit(
        this.db,
        actor,
        {
          orgId: h.orgId,
          action: "grant.read",
          entity: "equipment",
          entityId: h.orgId,
          after: { grantId: h.grantId },
        },
        at,
      );
    return segment;
  }

  async bundles(actor: Actor): Promise<{ items: Bundle[] }> {
    return { items: (await new MarketingRepository(this.db).bundles(actor.orgId)).map(toBundle) };
  }

  async createBundle(actor: Actor, input: BundleWrite): Promise<Bundle> {
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const row = await new MarketingRepository(this.db).insertBundle({
      orgId: actor.orgId,
      id: randomUUID(),
      name: input.name,
      segment: input.segment,
      items: input.items,
      price: input.price,
      createdAt: this.now(),
    });
    return toBundle(row);
  }

  async campaigns(actor: Actor): Promise<{ items: Campaign[] }> {
    const repo = new MarketingRepository(this.db);
    const rows = await repo.campaigns(actor.orgId);
    const leads = await repo.leads(
      actor.orgId,
      rows.map((c) => c.id),
    );
    return {
      items: rows.map((c) => ({
        id: c.id,
        name: c.name,
        segment: c.segment,
        bundleId: c.bundleId,
        channel: c.channel,
        createdAt: c.createdAt.toISOString(),
        leads: leads.filter((l) => l.campaignId === c.id).map(toLead),
      })),
    };
  }

  /** A campaign on a segment: one lead (stage "prospect") per consenting hospital in it now. */
  async createCampaign(actor: Actor, input: CampaignWrite): Promise<Campaign> {
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const repo = new MarketingRepository(this.db);
    if (input.bundleId !== undefined && !(await repo.bundle(actor.orgId, input.bundleId)))
      throw new NotFoundError("bundle", input.bundleId);
    const segment = await this.segment(actor, input.segment);
    const id = randomUUID();
    await repo.insertCampaign(
      {
        orgId: actor.orgId,
        id,
        name: input.name,
        segment: input.segment,
        bundleId: input.bundleId ?? null,
        channel: input.channel ?? "",
        createdAt: this.now(),
      },
      segment.hospitals.map((h) => ({
        orgId: actor.orgId,
        id: randomUUID(),
        campaignId: id,
        accountOrgId: h.orgId,
        contact: "",
        stage: "prospect" as const,
        activities: [],
      })),
    );
    const created = (await this.campaigns(actor)).items.find((c) => c.id === id);
    if (!created) throw new NotFoundError("campaign", id);
    return created;
  }

  async updateLead(actor: Actor, id: string, input: LeadUpdate): Promise<Lead> {
    const repo = new MarketingRepository(this.db);
    const lead = await repo.lead(actor.orgId, id);
    if (!lead) throw new NotFoundError("lead", id);
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const activities = input.activity
      ? [...lead.activities, { at: this.now().toISOString(), note: input.activity }]
      : lead.activities;
    await repo.updateLead(actor.orgId, id, {
      stage: input.stage ?? lead.stage,
      contact: input.contact ?? lead.contact,
      activities,
    });
    const after = await repo.lead(actor.orgId, id);
    if (!after) throw new NotFoundError("lead", id);
    return toLead(after);
  }
}
