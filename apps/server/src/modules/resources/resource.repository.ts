import type { ResourceListQuery } from "@clusterbrain/contracts";
import { and, asc, avg, count, desc, eq, gt, ilike, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { hubBookings, hubResources, orgs } from "../../db/schema/index.ts";
import { escapeLike } from "../orgs/org-search.ts";

export type ResourceRow = typeof hubResources.$inferSelect;
export type BookingRow = typeof hubBookings.$inferSelect;

export interface ResourceView extends ResourceRow {
  ownerNameZh: string;
  ownerNameEn: string;
  rating: number | null;
  ratingCount: number;
}

export interface BookingView extends BookingRow {
  resourceNameZh: string;
  resourceNameEn: string;
  resourceKind: ResourceRow["kind"];
  pricePerHour: number;
  cancelNoticeHours: number;
  requesterNameZh: string;
  requesterNameEn: string;
  ownerNameZh: string;
  ownerNameEn: string;
}

/** Statuses that hold a slot (the exclusion constraint covers exactly these). */
export const HOLDING: BookingRow["status"][] = ["pending", "approved"];

const owner = alias(orgs, "owner");
const requester = alias(orgs, "requester");

/** Mean rating and number of ratings per resource, over rated bookings. */
function ratings(db: DbOrTx) {
  return db
    .select({
      resourceId: hubBookings.resourceId,
      rating: avg(hubBookings.rating).as("rating"),
      ratingCount: count(hubBookings.rating).as("rating_count"),
    })
    .from(hubBookings)
    .where(sql`${hubBookings.rating} IS NOT NULL`)
    .groupBy(hubBookings.resourceId)
    .as("ratings");
}

/** Listings are cluster-wide; bookings are read only by the requesting org and the owner. */
export class ResourceRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertResource(values: typeof hubResources.$inferInsert): Promise<void> {
    await this.db.insert(hubResources).values(values);
  }

  /** Changes a listing of `orgId`; undefined when it is not that org's. */
  async updateResource(
    orgId: string,
    id: string,
    values: Partial<typeof hubResources.$inferInsert>,
  ): Promise<ResourceRow | undefined> {
    const [row] = await this.db
      .update(hubResources)
      .set(values)
      .where(and(eq(hubResources.orgId, orgId), eq(hubResources.id, id)))
      .returning();
    return row;
  }

  private resourceViews(where: SQL | undefined) {
    const r = ratings(this.db);
    return this.db
      .select({
        resource: hubResources,
        ownerNameZh: owner.nameZh,
        ownerNameEn: owner.nameEn,
        rating: r.rating,
        ratingCount: r.ratingCount,
      })
      .from(hubResources)
      .innerJoin(owner, eq(owner.id, hubResources.orgId))
      .leftJoin(r, eq(r.resourceId, hubResources.id))
      .where(where);
  }

  async findResource(id: string): Promise<ResourceView | undefined> {
    const [row] = await this.resourceViews(eq(hubResources.id, id));
    return row ? toResourceView(row) : undefined;
  }

  /** Active listings matching the filters (retired ones only for their owner), newest first. */
  async listResources(
    q: ResourceListQuery,
    viewerOrgId: string,
  ): Promise<{ items: ResourceView[]; total: number }> {
    const conditions: (SQL | undefined)[] = [
      or(eq(hubResources.status, "active"), eq(hubResources.orgId, viewerOrgId)),
      q.kind ? eq(hubResources.kind, q.kind) : undefined,
      q.ownerOrgId ? eq(hubResources.orgId, q.ownerOrgId) : undefined,
      q.maxPrice !== undefined ? lte(hubResources.pricePerHour, q.maxPrice) : undefined,
    ];
    if (q.q) {
      const pattern = `%${escapeLike(q.q)}%`;
      conditions.push(
        or(
          ilike(hubResources.nameZh, pattern),
          ilike(hubResources.nameEn, pattern),
          ilike(hubResources.description, pattern),
          sql`${hubResources.specs}::text ILIKE ${pattern}`,
          ilike(owner.nameZh, pattern),
          ilike(owner.nameEn, pattern),
        ),
      );
    }
    const where = and(...conditions);
    const rows = await this.resourceViews(where)
      .orderBy(asc(hubResources.kind), asc(hubResources.nameEn), asc(hubResources.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await this.db
      .select({ n: count() })
      .from(hubResources)
      .innerJoin(owner, eq(owner.id, hubResources.orgId))
      .where(where);
    return { items: rows.map(toResourceView), total: total?.n ?? 0 };
  }

  /** Bookings that take time in [from, to): holding ones and completed ones. */
  async slots(resourceId: string, from: Date, to: Date): Promise<BookingRow[]> {
    return this.db
      .select()
      .from(hubBookings)
      .where(
        and(
          eq(hubBookings.resourceId, resourceId),
          inArray(hubBookings.status, [...HOLDING, "completed"]),
          lt(hubBookings.startsAt, to),
          gt(hubBookings.endsAt, from),
        ),
      )
      .orderBy(asc(hubBookings.startsAt))
      .limit(1000);
  }

  /** Inserts a pending booking; an overlapping holding booking makes the database refuse it (409). */
  async insertBooking(values: typeof hubBookings.$inferInsert): Promise<void> {
    await this.db.insert(hubBookings).values(values);
  }

  private bookingViews(where: SQL | undefined) {
    return this.db
      .select({
        booking: hubBookings,
        resourceNameZh: hubResources.nameZh,
        resourceNameEn: hubResources.nameEn,
        resourceKind: hubResources.kind,
        pricePerHour: hubResources.pricePerHour,
        cancelNoticeHours: hubResources.cancelNoticeHours,
        requesterNameZh: requester.nameZh,
        requesterNameEn: requester.nameEn,
        ownerNameZh: owner.nameZh,
        ownerNameEn: owner.nameEn,
      })
      .from(hubBookings)
      .innerJoin(hubResources, eq(hubResources.id, hubBookings.resourceId))
      .innerJoin(requester, eq(requester.id, hubBookings.orgId))
      .innerJoin(owner, eq(owner.id, hubBookings.ownerOrgId))
      .where(where);
  }

  /** One booking, if `orgId` made it or owns its resource (anyone else's is not found). */
  async findBookingFor(orgId: string, id: string): Promise<BookingView | undefined> {
    const [row] = await this.bookingViews(
      and(eq(hubBookings.id, id), or(eq(hubBookings.orgId, orgId), eq(hubBookings.ownerOrgId, orgId))),
    );
    return row ? { ...row.booking, ...row } : undefined;
  }

  /** Bookings `orgId` made or received, the latest slots first. */
  async listBookingsFor(orgId: string): Promise<BookingView[]> {
    const rows = await this.bookingViews(or(eq(hubBookings.orgId, orgId), eq(hubBookings.ownerOrgId, orgId)))
      .orderBy(desc(hubBookings.startsAt), asc(hubBookings.id))
      .limit(500);
    return rows.map((row) => ({ ...row.booking, ...row }));
  }

  /**
   * Moves a booking on from one of `from` statuses. The status condition sits in the UPDATE, so of
   * two concurrent decisions exactly one changes the row; the other gets undefined.
   */
  async transition(
    id: string,
    from: BookingRow["status"][],
    values: Partial<typeof hubBookings.$inferInsert>,
    extra?: SQL,
  ): Promise<BookingRow | undefined> {
    const [row] = await this.db
      .update(hubBookings)
      .set(values)
      .where(and(eq(hubBookings.id, id), inArray(hubBookings.status, from), extra))
      .returning();
    return row;
  }
}

function toResourceView(row: {
  resource: ResourceRow;
  ownerNameZh: string;
  ownerNameEn: string;
  rating: string | null;
  ratingCount: number | null;
}): ResourceView {
  return {
    ...row.resource,
    ownerNameZh: row.ownerNameZh,
    ownerNameEn: row.ownerNameEn,
    rating: row.rating == null ? null : Math.round(Number(row.rating) * 10) / 10,
    ratingCount: Number(row.ratingCount ?? 0),
  };
}
