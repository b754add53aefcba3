import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { hubEventRegistrations, hubEvents, hubPolicies, orgs } from "../../db/schema/index.ts";

export type EventRow = typeof hubEvents.$inferSelect;
export type RegistrationRow = typeof hubEventRegistrations.$inferSelect;
export type PolicyRow = typeof hubPolicies.$inferSelect;

export interface EventView extends EventRow {
  organiserNameZh: string;
  organiserNameEn: string;
  registered: number;
  myRegistrationId: string | null;
  myCheckedInAt: Date | null;
}

/** Events, registrations and policy notices (all SQL of the events module). */
export class EventRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertEvent(values: typeof hubEvents.$inferInsert): Promise<void> {
    await this.db.insert(hubEvents).values(values);
  }

  /** Events ending after `since`, soonest first, with counts and `orgId`'s own registration. */
  async listEvents(orgId: string, since: Date, eventId?: string): Promise<EventView[]> {
    const counts = this.db
      .select({ eventId: hubEventRegistrations.eventId, n: count().as("n") })
      .from(hubEventRegistrations)
      .groupBy(hubEventRegistrations.eventId)
      .as("counts");
    const mine = this.db
      .select({
        eventId: hubEventRegistrations.eventId,
        id: hubEventRegistrations.id,
        checkedInAt: hubEventRegistrations.checkedInAt,
      })
      .from(hubEventRegistrations)
      .where(eq(hubEventRegistrations.orgId, orgId))
      .as("mine");
    const rows = await this.db
      .select({
        event: hubEvents,
        organiserNameZh: orgs.nameZh,
        organiserNameEn: orgs.nameEn,
        registered: counts.n,
        myRegistrationId: mine.id,
        myCheckedInAt: mine.checkedInAt,
      })
      .from(hubEvents)
      .innerJoin(orgs, eq(orgs.id, hubEvents.orgId))
      .leftJoin(counts, eq(counts.eventId, hubEvents.id))
      .leftJoin(mine, eq(mine.eventId, hubEvents.id))
      .where(eventId ? eq(hubEvents.id, eventId) : gt(hubEvents.endsAt, since))
      .orderBy(asc(hubEvents.startsAt), asc(hubEvents.id))
      .limit(200);
    return rows.map((r) => ({
      ...r.event,
      organiserNameZh: r.organiserNameZh,
      organiserNameEn: r.organiserNameEn,
      registered: Number(r.registered ?? 0),
      myRegistrationId: r.myRegistrationId ?? null,
      myCheckedInAt: r.myCheckedInAt ?? null,
    }));
  }

  /** The event row, locked until the transaction ends (serialises registrations against capacity). */
  async lockEvent(id: string): Promise<EventRow | undefined> {
    const [row] = await this.db.select().from(hubEvents).where(eq(hubEvents.id, id)).for("update");
    return row;
  }

  async findEvent(id: string): Promise<EventRow | undefined> {
    const [row] = await this.db.select().from(hubEvents).where(eq(hubEvents.id, id));
    return row;
  }

  async countRegistrations(eventId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(hubEventRegistrations)
      .where(eq(hubEventRegistrations.eventId, eventId));
    return Number(row?.n ?? 0);
  }

  /** One registration per org and event (hub_event_registrations_org_key): a second one is a 409. */
  async insertRegistration(values: typeof hubEventRegistrations.$inferInsert): Promise<void> {
    await this.db.insert(hubEventRegistrations).values(values);
  }

  async registrations(eventId: string) {
    return this.db
      .select({ registration: hubEventRegistrations, orgNameZh: orgs.nameZh, orgNameEn: orgs.nameEn })
      .from(hubEventRegistrations)
      .innerJoin(orgs, eq(orgs.id, hubEventRegistrations.orgId))
      .where(eq(hubEventRegistrations.eventId, eventId))
      .orderBy(asc(hubEventRegistrations.createdAt), asc(hubEventRegistrations.id));
  }

  async findRegistration(id: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db.select().from(hubEventRegistrations).where(eq(hubEventRegistrations.id, id));
    return row;
  }

  /** Checks in once: the condition sits in the UPDATE, so of two racing check-ins one wins. */
  async checkIn(id: string, at: Date): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .update(hubEventRegistrations)
      .set({ checkedInAt: at })
      .where(and(eq(hubEventRegistrations.id, id), sql`${hubEventRegistrations.checkedInAt} IS NULL`))
      .returning();
    return row;
  }

  async insertPolicy(values: typeof hubPolicies.$inferInsert): Promise<void> {
    await this.db.insert(hubPolicies).values(values);
  }

  async policies() {
    return this.db
      .select({ policy: hubPolicies, issuerNameZh: orgs.nameZh, issuerNameEn: orgs.nameEn })
      .from(hubPolicies)
      .innerJoin(orgs, eq(orgs.id, hubPolicies.orgId))
      .orderBy(desc(hubPolicies.createdAt), asc(hubPolicies.id))
      .limit(500);
  }
}
