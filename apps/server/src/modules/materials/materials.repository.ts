import type { MaterialCategory, MaterialListingKind } from "@clusterbrain/contracts";
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import {
  grants,
  materialContacts,
  materialListings,
  materialPoolParticipants,
  materialPoolRounds,
  orgs,
} from "../../db/schema/index.ts";

export type MaterialListingRow = typeof materialListings.$inferSelect;
/** A listing with its firm's names and district. */
export interface MaterialListingView extends MaterialListingRow {
  orgNameZh: string;
  orgNameEn: string | null;
  orgDistrict: string;
}
export type MaterialContactRow = typeof materialContacts.$inferSelect;
export interface MaterialContactView extends MaterialContactRow {
  fromOrgNameZh: string;
  fromOrgNameEn: string | null;
  toOrgNameZh: string;
  toOrgNameEn: string | null;
  listingSpec: string;
}
export type PoolRoundRow = typeof materialPoolRounds.$inferSelect;
export type PoolParticipantRow = typeof materialPoolParticipants.$inferSelect;

export interface ListingFilter {
  kind?: MaterialListingKind;
  category?: MaterialCategory;
}

/** All SQL of material matching and pooled purchasing. Drafts are read only with their org_id. */
export class MaterialsRepository {
  constructor(private readonly db: DbOrTx) {}

  private views() {
    return this.db
      .select({
        listing: materialListings,
        nameZh: orgs.nameZh,
        nameEn: orgs.nameEn,
        district: orgs.district,
      })
      .from(materialListings)
      .innerJoin(orgs, eq(orgs.id, materialListings.orgId));
  }

  private static toView(r: {
    listing: MaterialListingRow;
    nameZh: string;
    nameEn: string | null;
    district: string;
  }): MaterialListingView {
    return { ...r.listing, orgNameZh: r.nameZh, orgNameEn: r.nameEn, orgDistrict: r.district };
  }

  private static filter(f: ListingFilter): SQL[] {
    const out: SQL[] = [];
    if (f.kind) out.push(eq(materialListings.kind, f.kind));
    if (f.category) out.push(eq(materialListings.category, f.category));
    return out;
  }

  async insert(values: typeof materialListings.$inferInsert): Promise<void> {
    await this.db.insert(materialListings).values(values);
  }

  async update(
    orgId: string,
    id: string,
    values: Partial<typeof materialListings.$inferInsert>,
  ): Promise<void> {
    await this.db
      .update(materialListings)
      .set(values)
      .where(and(eq(materialListings.orgId, orgId), eq(materialListings.id, id)));
  }

  /** My org's listings, drafts and closed ones too, newest first. */
  async listOwn(orgId: string, f: ListingFilter = {}): Promise<MaterialListingView[]> {
    const rows = await this.views()
      .where(and(eq(materialListings.orgId, orgId), ...MaterialsRepository.filter(f)))
      .orderBy(desc(materialListings.createdAt), asc(materialListings.id));
    return rows.map(MaterialsRepository.toView);
  }

  /** Open listings of every firm (or of every firm but `exceptOrgId`), newest first. */
  async listOpen(f: ListingFilter = {}, exceptOrgId?: string): Promise<MaterialListingView[]> {
    const rows = await this.views()
      .where(
        and(
          eq(materialListings.status, "open"),
          exceptOrgId ? ne(materialListings.orgId, exceptOrgId) : undefined,
          ...MaterialsRepository.filter(f),
        ),
      )
      .orderBy(desc(materialListings.createdAt), asc(materialListings.id));
    return rows.map(MaterialsRepository.toView);
  }

  async findOwn(orgId: string, id: string): Promise<MaterialListingView | undefined> {
    const [r] = await this.views().where(and(eq(materialListings.orgId, orgId), eq(materialListings.id, id)));
    return r && MaterialsRepository.toView(r);
  }

  /** A listing `orgId` may see: its own (any status) or another firm's open one. */
  async findVisible(orgId: string, id: string): Promise<MaterialListingView | undefined> {
    const [r] = await this.views().where(
      and(
        eq(materialListings.id, id),
        or(eq(materialListings.orgId, orgId), eq(materialListings.status, "open")),
      ),
    );
    return r && MaterialsRepository.toView(r);
  }

  async insertContact(values: typeof materialContacts.$inferInsert): Promise<void> {
    await this.db.insert(materialContacts).values(values);
  }

  /** Contacts `orgId` made or received, newest first. */
  async contactsOf(orgId: string): Promise<MaterialContactView[]> {
    const fromOrg = alias(orgs, "from_org");
    const toOrg = alias(orgs, "to_org");
    const rows = await this.db
      .select({
        contact: materialContacts,
        fromOrgNameZh: fromOrg.nameZh,
        fromOrgNameEn: fromOrg.nameEn,
        toOrgNameZh: toOrg.nameZh,
        toOrgNameEn: toOrg.nameEn,
        listingSpec: materialListings.spec,
      })
      .from(materialContacts)
      .innerJoin(fromOrg, eq(fromOrg.id, materialContacts.orgId))
      .innerJoin(toOrg, eq(toOrg.id, materialContacts.toOrgId))
      .innerJoin(materialListings, eq(materialListings.id, materialContacts.listingId))
      .where(or(eq(materialContacts.orgId, orgId), eq(materialContacts.toOrgId, orgId)))
      .orderBy(desc(materialContacts.createdAt), asc(materialContacts.id));
    return rows.map(({ contact, ...rest }) => ({ ...contact, ...rest }));
  }

  async contactedListingIds(orgId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: materialContacts.listingId })
      .from(materialContacts)
      .where(eq(materialContacts.orgId, orgId));
    return new Set(rows.map((r) => r.id));
  }

  async insertRound(values: typeof materialPoolRounds.$inferInsert): Promise<void> {
    await this.db.insert(materialPoolRounds).values(values);
  }

  async listRounds(): Promise<PoolRoundRow[]> {
    return this.db
      .select()
      .from(materialPoolRounds)
      .orderBy(desc(materialPoolRounds.createdAt), asc(materialPoolRounds.id));
  }

  async findRound(id: string): Promise<PoolRoundRow | undefined> {
    const [row] = await this.db.select().from(materialPoolRounds).where(eq(materialPoolRounds.id, id));
    return row;
  }

  async participants(roundIds: readonly string[]): Promise<PoolParticipantRow[]> {
    if (roundIds.length === 0) return [];
    return this.db
      .select()
      .from(materialPoolParticipants)
      .where(inArray(materialPoolParticipants.roundId, [...roundIds]));
  }

  /** Joins a round, or changes the org's quantity when it already has. */
  async upsertParticipant(roundId: string, orgId: string, quantity: number, now: Date): Promise<void> {
    await this.db
      .insert(materialPoolParticipants)
      .values({ roundId, orgId, quantity, joinedAt: now })
      .onConflictDoUpdate({
        target: [materialPoolParticipants.roundId, materialPoolParticipants.orgId],
        set: { quantity },
      });
  }

  /** Firms with an active (unrevoked, unexpired) stock grant to `granteeOrgId`. */
  async stockGrantors(
    granteeOrgId: string,
    now: Date,
  ): Promise<Array<{ orgId: string; nameZh: string; nameEn: string | null; expiresAt: Date }>> {
    return this.db
      .select({ orgId: grants.orgId, nameZh: orgs.nameZh, nameEn: orgs.nameEn, expiresAt: grants.expiresAt })
      .from(grants)
      .innerJoin(orgs, eq(orgs.id, grants.orgId))
      .where(
        and(
          eq(grants.granteeOrgId, granteeOrgId),
          eq(grants.dataClass, "stock"),
          isNull(grants.revokedAt),
          gt(grants.expiresAt, now),
        ),
      )
      .orderBy(asc(orgs.nameZh));
  }

  async orgNames(orgId: string): Promise<{ nameZh: string; nameEn: string | null } | undefined> {
    const [row] = await this.db
      .select({ nameZh: orgs.nameZh, nameEn: orgs.nameEn })
      .from(orgs)
      .where(eq(orgs.id, orgId));
    return row;
  }
}
