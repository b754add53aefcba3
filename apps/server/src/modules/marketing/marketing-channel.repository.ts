import { and, asc, desc, eq, gte, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { hubEvents, marketingChannelShares, marketingChannels, orgs } from "../../db/schema/index.ts";

export type ChannelRow = typeof marketingChannels.$inferSelect;
export interface ChannelView extends ChannelRow {
  orgNameZh: string;
  orgNameEn: string;
}
export type ShareRow = typeof marketingChannelShares.$inferSelect;
export interface ShareView extends ShareRow {
  channelName: string;
  ownerNameZh: string;
  ownerNameEn: string;
  requesterNameZh: string;
  requesterNameEn: string;
}
export interface EventChannelView {
  id: string;
  orgId: string;
  orgNameZh: string;
  orgNameEn: string;
  kind: "fair" | "conference";
  titleZh: string;
  titleEn: string;
  description: string;
  startsAt: Date;
}

const owner = alias(orgs, "owner");
const requester = alias(orgs, "requester");

export class MarketingChannelRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Every offered channel (offers are public to the cluster; using one needs an agreement). */
  async channels(id?: string): Promise<ChannelView[]> {
    const rows = await this.db
      .select({ c: marketingChannels, orgNameZh: orgs.nameZh, orgNameEn: orgs.nameEn })
      .from(marketingChannels)
      .innerJoin(orgs, eq(orgs.id, marketingChannels.orgId))
      .where(id === undefined ? undefined : eq(marketingChannels.id, id))
      .orderBy(asc(marketingChannels.kind), asc(marketingChannels.name), asc(marketingChannels.id))
      .limit(300);
    return rows.map(({ c, ...names }) => ({ ...c, ...names }));
  }

  /** The hub's fairs and conferences from `since` on: channels open to every firm. */
  async eventChannels(since: Date): Promise<EventChannelView[]> {
    const rows = await this.db
      .select({
        id: hubEvents.id,
        orgId: hubEvents.orgId,
        orgNameZh: orgs.nameZh,
        orgNameEn: orgs.nameEn,
        kind: hubEvents.kind,
        titleZh: hubEvents.titleZh,
        titleEn: hubEvents.titleEn,
        description: hubEvents.description,
        startsAt: hubEvents.startsAt,
      })
      .from(hubEvents)
      .innerJoin(orgs, eq(orgs.id, hubEvents.orgId))
      .where(and(inArray(hubEvents.kind, ["fair", "conference"]), gte(hubEvents.startsAt, since)))
      .orderBy(asc(hubEvents.startsAt), asc(hubEvents.id))
      .limit(100);
    return rows.flatMap((r) =>
      r.kind === "fair" || r.kind === "conference" ? [{ ...r, kind: r.kind }] : [],
    );
  }

  async isEvent(id: string): Promise<boolean> {
    const rows = await this.db.select({ id: hubEvents.id }).from(hubEvents).where(eq(hubEvents.id, id));
    return rows.length > 0;
  }

  async insertChannel(values: typeof marketingChannels.$inferInsert): Promise<void> {
    await this.db.insert(marketingChannels).values(values);
  }

  private shareViews() {
    return this.db
      .select({
        s: marketingChannelShares,
        channelName: marketingChannels.name,
        ownerNameZh: owner.nameZh,
        ownerNameEn: owner.nameEn,
        requesterNameZh: requester.nameZh,
        requesterNameEn: requester.nameEn,
      })
      .from(marketingChannelShares)
      .innerJoin(marketingChannels, eq(marketingChannels.id, marketingChannelShares.channelId))
      .innerJoin(owner, eq(owner.id, marketingChannelShares.orgId))
      .innerJoin(requester, eq(requester.id, marketingChannelShares.requesterOrgId));
  }

  async insertShare(values: typeof marketingChannelShares.$inferInsert): Promise<void> {
    await this.db.insert(marketingChannelShares).values(values);
  }

  /** Shares of `orgId`'s channels and shares `orgId` asked for. */
  async sharesFor(orgId: string): Promise<ShareView[]> {
    const rows = await this.shareViews()
      .where(or(eq(marketingChannelShares.orgId, orgId), eq(marketingChannelShares.requesterOrgId, orgId)))
      .orderBy(desc(marketingChannelShares.createdAt), asc(marketingChannelShares.id))
      .limit(300);
    return rows.map(({ s, ...names }) => ({ ...s, ...names }));
  }

  /** A share of or by `orgId`; anyone else's is not found. */
  async findShare(orgId: string, id: string): Promise<ShareView | undefined> {
    const [row] = await this.shareViews().where(
      and(
        eq(marketingChannelShares.id, id),
        or(eq(marketingChannelShares.orgId, orgId), eq(marketingChannelShares.requesterOrgId, orgId)),
      ),
    );
    if (!row) return undefined;
    const { s, ...names } = row;
    return { ...s, ...names };
  }

  /** Moves a share from `from` to another status; the status condition lets one racing change win. */
  async setShareStatus(
    orgId: string,
    id: string,
    from: ShareRow["status"],
    values: Pick<ShareRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">,
  ): Promise<boolean> {
    const rows = await this.db
      .update(marketingChannelShares)
      .set(values)
      .where(
        and(
          eq(marketingChannelShares.orgId, orgId),
          eq(marketingChannelShares.id, id),
          eq(marketingChannelShares.status, from),
        ),
      )
      .returning({ id: marketingChannelShares.id });
    return rows.length > 0;
  }
}
