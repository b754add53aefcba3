import { and, desc, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  grants,
  marketingBundles,
  marketingCampaigns,
  marketingEquipment,
  marketingHospitals,
  marketingLeads,
  orgs,
} from "../../db/schema/index.ts";

export type HospitalRow = typeof marketingHospitals.$inferSelect;
export type EquipmentRow = typeof marketingEquipment.$inferSelect;
export type BundleRow = typeof marketingBundles.$inferSelect;
export type CampaignRow = typeof marketingCampaigns.$inferSelect;
export type LeadRow = typeof marketingLeads.$inferSelect;
export interface ConsentedHospital extends HospitalRow {
  nameZh: string;
  nameEn: string;
  grantId: string;
}
export interface LeadView extends LeadRow {
  accountNameZh: string;
  accountNameEn: string;
}

export class MarketingRepository {
  constructor(private readonly db: DbOrTx) {}

  async hospital(orgId: string): Promise<HospitalRow | undefined> {
    const [row] = await this.db.select().from(marketingHospitals).where(eq(marketingHospitals.orgId, orgId));
    return row;
  }

  async equipmentOf(orgIds: readonly string[]): Promise<EquipmentRow[]> {
    if (orgIds.length === 0) return [];
    return this.db
      .select()
      .from(marketingEquipment)
      .where(inArray(marketingEquipment.orgId, [...orgIds]))
      .orderBy(marketingEquipment.orgId, marketingEquipment.id);
  }

  /** Replaces a hospital's profile and inventory in one go (call inside a transaction). */
  async replaceInventory(hospital: HospitalRow, items: Omit<EquipmentRow, "orgId" | "id">[]) {
    await this.db
      .insert(marketingHospitals)
      .values(hospital)
      .onConflictDoUpdate({
        target: marketingHospitals.orgId,
        set: { level: hospital.level, county: hospital.county },
      });
    await this.db.delete(marketingEquipment).where(eq(marketingEquipment.orgId, hospital.orgId));
    if (items.length)
      await this.db
        .insert(marketingEquipment)
        .values(items.map((it, i) => ({ ...it, orgId: hospital.orgId, id: `e${i + 1}` })));
  }

  /**
   * Hospitals holding an active (unrevoked, unexpired) grant of their equipment data to `granteeOrgId`:
   * the only hospitals a supplier's segments may contain.
   */
  async consentedHospitals(granteeOrgId: string, now: Date): Promise<ConsentedHospital[]> {
    return this.db
      .select({
        orgId: marketingHospitals.orgId,
        level: marketingHospitals.level,
        county: marketingHospitals.county,
        nameZh: orgs.nameZh,
        nameEn: orgs.nameEn,
        grantId: grants.id,
      })
      .from(marketingHospitals)
      .innerJoin(orgs, eq(orgs.id, marketingHospitals.orgId))
      .innerJoin(
        grants,
        and(
          eq(grants.orgId, marketingHospitals.orgId),
          eq(grants.granteeOrgId, granteeOrgId),
          eq(grants.dataClass, "equipment"),
          isNull(grants.revokedAt),
          gt(grants.expiresAt, now),
        ),
      )
      .orderBy(marketingHospitals.orgId);
  }

  async bundles(orgId: string): Promise<BundleRow[]> {
    return this.db
      .select()
      .from(marketingBundles)
      .where(eq(marketingBundles.orgId, orgId))
      .orderBy(desc(marketingBundles.createdAt), marketingBundles.id);
  }

  async bundle(orgId: string, id: string): Promise<BundleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(marketingBundles)
      .where(and(eq(marketingBundles.orgId, orgId), eq(marketingBundles.id, id)));
    return row;
  }

  async insertBundle(row: typeof marketingBundles.$inferInsert): Promise<BundleRow> {
    const [out] = await this.db.insert(marketingBundles).values(row).returning();
    return out;
  }

  async campaigns(orgId: string): Promise<CampaignRow[]> {
    return this.db
      .select()
      .from(marketingCampaigns)
      .where(eq(marketingCampaigns.orgId, orgId))
      .orderBy(desc(marketingCampaigns.createdAt), marketingCampaigns.id);
  }

  async insertCampaign(
    row: typeof marketingCampaigns.$inferInsert,
    leads: (typeof marketingLeads.$inferInsert)[],
  ): Promise<CampaignRow> {
    const [out] = await this.db.insert(marketingCampaigns).values(row).returning();
    if (leads.length) await this.db.insert(marketingLeads).values(leads);
    return out;
  }

  async leads(orgId: string, campaignIds: readonly string[]): Promise<LeadView[]> {
    if (campaignIds.length === 0) return [];
    return this.leadViews(
      and(eq(marketingLeads.orgId, orgId), inArray(marketingLeads.campaignId, [...campaignIds])),
    );
  }

  async lead(orgId: string, id: string): Promise<LeadView | undefined> {
    const [row] = await this.leadViews(and(eq(marketingLeads.orgId, orgId), eq(marketingLeads.id, id)));
    return row;
  }

  private async leadViews(where: SQL | undefined): Promise<LeadView[]> {
    const rows = await this.db
      .select({ lead: marketingLeads, nameZh: orgs.nameZh, nameEn: orgs.nameEn })
      .from(marketingLeads)
      .innerJoin(orgs, eq(orgs.id, marketingLeads.accountOrgId))
      .where(where)
      .orderBy(marketingLeads.campaignId, orgs.nameZh, marketingLeads.id);
    return rows.map((r) => ({ ...r.lead, accountNameZh: r.nameZh, accountNameEn: r.nameEn }));
  }

  async updateLead(
    orgId: string,
    id: string,
    set: Partial<Pick<LeadRow, "stage" | "contact" | "activities">>,
  ) {
    await this.db
      .update(marketingLeads)
      .set(set)
      .where(and(eq(marketingLeads.orgId, orgId), eq(marketingLeads.id, id)));
  }
}
