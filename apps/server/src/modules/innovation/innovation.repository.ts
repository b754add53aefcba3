import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import {
  hubResources,
  innovationContacts,
  innovationListings,
  innovationProjectMembers,
  orgChainNodes,
  orgs,
  relations,
} from "../../db/schema/index.ts";

export type ListingRow = typeof innovationListings.$inferSelect;
export interface ListingView extends ListingRow {
  orgNameZh: string;
  orgNameEn: string;
  orgKind: string;
  orgIndustryCode: string;
  orgCertifications: string[];
  orgDistrict: string;
}
/** An active expert resource (her time can be booked) with the owner org's public profile. */
export interface ExpertView {
  id: string;
  orgId: string;
  nameZh: string;
  nameEn: string;
  description: string;
  specs: { key: string; value: string }[];
  pricePerHour: number;
  orgNameZh: string;
  orgNameEn: string;
  orgIndustryCode: string;
  orgCertifications: string[];
  orgDistrict: string;
}
export type ContactRow = typeof innovationContacts.$inferSelect;
export interface ContactView extends ContactRow {
  fromOrgNameZh: string;
  fromOrgNameEn: string;
  toOrgNameZh: string;
  toOrgNameEn: string;
  listingTitle: string;
}

const fromOrg = alias(orgs, "from_org");
const toOrg = alias(orgs, "to_org");
const myMember = alias(innovationProjectMembers, "my_member");
const otherMember = alias(innovationProjectMembers, "other_member");
const MAX_LISTINGS = 2000;

/** Listings and contacts of the innovation hub. Open listings are cluster-wide; the rest is per org. */
export class ListingRepository {
  constructor(private readonly db: DbOrTx) {}

  private views() {
    return this.db
      .select({
        listing: innovationListings,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        orgKind: orgs.kind,
        orgIndustryCode: orgs.industryCode,
        orgCertifications: orgs.certifications,
        orgDistrict: orgs.district,
      })
      .from(innovationListings)
      .innerJoin(orgs, eq(orgs.id, innovationListings.orgId));
  }

  private static flat(row: {
    listing: ListingRow;
    orgNameZh: string;
    orgNameEn: string;
    orgKind: string;
    orgIndustryCode: string;
    orgCertifications: string[];
    orgDistrict: string;
  }): ListingView {
    const { listing, ...org } = row;
    return { ...listing, ...org };
  }

  async insert(values: typeof innovationListings.$inferInsert): Promise<void> {
    await this.db.insert(innovationListings).values(values);
  }

  async update(
    orgId: string,
    id: string,
    values: Partial<typeof innovationListings.$inferInsert>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(innovationListings)
      .set(values)
      .where(and(eq(innovationListings.orgId, orgId), eq(innovationListings.id, id)))
      .returning({ id: innovationListings.id });
    return rows.length > 0;
  }

  /** A listing of `orgId` (any status); anyone else's is undefined. */
  async findOwn(orgId: string, id: string): Promise<ListingView | undefined> {
    const [row] = await this.views().where(
      and(eq(innovationListings.orgId, orgId), eq(innovationListings.id, id)),
    );
    return row ? ListingRepository.flat(row) : undefined;
  }

  /** An open listing of anyone, or the caller's own in any status. */
  async findVisible(orgId: string, id: string): Promise<ListingView | undefined> {
    const [row] = await this.views().where(
      and(
        eq(innovationListings.id, id),
        or(eq(innovationListings.status, "open"), eq(innovationListings.orgId, orgId)),
      ),
    );
    return row ? ListingRepository.flat(row) : undefined;
  }

  /** Open listings of the cluster (of one kind), optionally leaving one org out; newest first. */
  async listOpen(kind?: "demand" | "capability", excludeOrgId?: string): Promise<ListingView[]> {
    const conds = [eq(innovationListings.status, "open")];
    if (kind) conds.push(eq(innovationListings.kind, kind));
    if (excludeOrgId) conds.push(ne(innovationListings.orgId, excludeOrgId));
    const rows = await this.views()
      .where(and(...conds))
      .orderBy(desc(innovationListings.createdAt), asc(innovationListings.id))
      .limit(MAX_LISTINGS);
    return rows.map(ListingRepository.flat);
  }

  async listOwn(orgId: string, kind?: "demand" | "capability"): Promise<ListingView[]> {
    const conds = [eq(innovationListings.orgId, orgId)];
    if (kind) conds.push(eq(innovationListings.kind, kind));
    const rows = await this.views()
      .where(and(...conds))
      .orderBy(desc(innovationListings.createdAt), asc(innovationListings.id))
      .limit(MAX_LISTINGS);
    return rows.map(ListingRepository.flat);
  }

  /** Active expert resources of other orgs (shared with the whole cluster), newest first. */
  async activeExperts(excludeOrgId: string): Promise<ExpertView[]> {
    return this.db
      .select({
        id: hubResources.id,
        orgId: hubResources.orgId,
        nameZh: hubResources.nameZh,
        nameEn: hubResources.nameEn,
        description: hubResources.description,
        specs: hubResources.specs,
        pricePerHour: hubResources.pricePerHour,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        orgIndustryCode: orgs.industryCode,
        orgCertifications: orgs.certifications,
        orgDistrict: orgs.district,
      })
      .from(hubResources)
      .innerJoin(orgs, eq(orgs.id, hubResources.orgId))
      .where(
        and(
          eq(hubResources.kind, "expert"),
          eq(hubResources.status, "active"),
          ne(hubResources.orgId, excludeOrgId),
        ),
      )
      .orderBy(desc(hubResources.createdAt), asc(hubResources.id))
      .limit(MAX_LISTINGS);
  }

  /** Chain nodes of orgs (their public profile), for listings that name none themselves. */
  async chainNodesOf(orgIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (orgIds.length === 0) return out;
    const rows = await this.db
      .select({ orgId: orgChainNodes.orgId, nodeId: orgChainNodes.nodeId })
      .from(orgChainNodes)
      .where(inArray(orgChainNodes.orgId, [...orgIds]));
    for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r.nodeId]);
    return out;
  }

  /**
   * Past work of `orgId` with every other org: supplier→customer relations it is party to, and
   * joint projects it shares. Only the caller's own ties are read, so nothing private of others leaks.
   */
  async collaborationCounts(orgId: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const rel = await this.db
      .select({ supplier: relations.supplierOrgId, customer: relations.customerOrgId })
      .from(relations)
      .where(or(eq(relations.supplierOrgId, orgId), eq(relations.customerOrgId, orgId)));
    for (const r of rel) {
      const other = r.supplier === orgId ? r.customer : r.supplier;
      out.set(other, (out.get(other) ?? 0) + 1);
    }
    const joint = await this.db
      .select({ orgId: otherMember.orgId, n: count() })
      .from(myMember)
      .innerJoin(
        otherMember,
        and(eq(otherMember.projectId, myMember.projectId), ne(otherMember.orgId, myMember.orgId)),
      )
      .where(eq(myMember.orgId, orgId))
      .groupBy(otherMember.orgId);
    for (const r of joint) out.set(r.orgId, (out.get(r.orgId) ?? 0) + Number(r.n));
    return out;
  }

  async insertContact(values: typeof innovationContacts.$inferInsert): Promise<void> {
    await this.db.insert(innovationContacts).values(values);
  }

  private contactViews() {
    return this.db
      .select({
        contact: innovationContacts,
        fromOrgNameZh: fromOrg.nameZh,
        fromOrgNameEn: fromOrg.nameEn,
        toOrgNameZh: toOrg.nameZh,
        toOrgNameEn: toOrg.nameEn,
        listingTitle: sql<string>`coalesce((SELECT l.title FROM innovation_listings l WHERE l.id = ${innovationContacts.listingId} LIMIT 1), '')`,
      })
      .from(innovationContacts)
      .innerJoin(fromOrg, eq(fromOrg.id, innovationContacts.orgId))
      .innerJoin(toOrg, eq(toOrg.id, innovationContacts.toOrgId));
  }

  /** Contacts `orgId` made or received, newest first. */
  async contactsOf(orgId: string): Promise<ContactView[]> {
    const rows = await this.contactViews()
      .where(or(eq(innovationContacts.orgId, orgId), eq(innovationContacts.toOrgId, orgId)))
      .orderBy(desc(innovationContacts.createdAt), asc(innovationContacts.id))
      .limit(500);
    return rows.map(({ contact, ...rest }) => ({ ...contact, ...rest }));
  }

  /** A contact `orgId` made or received. */
  async findContact(orgId: string, id: string): Promise<ContactView | undefined> {
    const [row] = await this.contactViews().where(
      and(
        eq(innovationContacts.id, id),
        or(eq(innovationContacts.orgId, orgId), eq(innovationContacts.toOrgId, orgId)),
      ),
    );
    return row ? { ...row.contact, ...row } : undefined;
  }

  async linkContactToProject(senderOrgId: string, id: string, projectId: string): Promise<void> {
    await this.db
      .update(innovationContacts)
      .set({ projectId })
      .where(and(eq(innovationContacts.orgId, senderOrgId), eq(innovationContacts.id, id)));
  }

  /** Listing ids `orgId` has contacted the owners about. */
  async contactedListingIds(orgId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: innovationContacts.listingId })
      .from(innovationContacts)
      .where(eq(innovationContacts.orgId, orgId));
    return new Set(rows.map((r) => r.id));
  }

  async countProjectsOf(orgId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(innovationProjectMembers)
      .where(eq(innovationProjectMembers.orgId, orgId));
    return Number(row?.n ?? 0);
  }
}
