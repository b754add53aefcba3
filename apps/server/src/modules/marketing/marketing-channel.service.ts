import { randomUUID } from "node:crypto";
import type {
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelShare,
  ChannelShareDecide,
  ChannelShareRequest,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  type ChannelView,
  MarketingChannelRepository,
  type ShareView,
} from "./marketing-channel.repository.ts";

const DAY = 86_400_000;
/** Fairs and conferences that began up to this long ago still show as channels. */
const EVENT_LOOKBACK_DAYS = 30;

function toShare(s: ShareView): ChannelShare {
  return {
    id: s.id,
    channelId: s.channelId,
    channelName: s.channelName,
    ownerOrgId: s.orgId,
    ownerNameZh: s.ownerNameZh,
    ownerNameEn: s.ownerNameEn,
    requesterOrgId: s.requesterOrgId,
    requesterNameZh: s.requesterNameZh,
    requesterNameEn: s.requesterNameEn,
    note: s.note,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decisionNote: s.decisionNote,
  };
}

type Transition = "approve" | "decline" | "revoke";
const TRANSITIONS: Record<Transition, { from: ShareView["status"]; to: ShareView["status"] }> = {
  approve: { from: "pending", to: "approved" },
  decline: { from: "pending", to: "declined" },
  revoke: { from: "approved", to: "revoked" },
};

/**
 * Channel sharing by agreement: a firm offers a channel (distributor, hospital group, fair), another
 * firm asks to use it, the owner's owner/admin approves or declines and may revoke later; every step
 * is audited on the owner's log. The hub's fairs and conferences are channels open to every firm.
 */
export class MarketingChannelService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async channels(actor: Actor): Promise<ChannelList> {
    const repo = new MarketingChannelRepository(this.db);
    const [offered, events, shares] = await Promise.all([
      repo.channels(),
      repo.eventChannels(new Date(this.now().getTime() - EVENT_LOOKBACK_DAYS * DAY)),
      repo.sharesFor(actor.orgId),
    ]);
    const mineShare = new Map<string, ShareView["status"]>();
    // Newest first: the first share seen per channel is the current agreement.
    for (const s of shares)
      if (policy.isOwnOrg(actor, s.requesterOrgId) && !mineShare.has(s.channelId))
        mineShare.set(s.channelId, s.status);
    const items: Channel[] = [
      ...offered.map((c) => this.toChannel(actor, c, mineShare.get(c.id) ?? null)),
      ...events.map(
        (e): Channel => ({
          id: e.id,
          source: "event",
          kind: e.kind,
          orgId: e.orgId,
          orgNameZh: e.orgNameZh,
          orgNameEn: e.orgNameEn,
          name: e.titleZh,
          description: e.description,
          startsAt: e.startsAt.toISOString(),
          mine: policy.isOwnOrg(actor, e.orgId),
          myShare: null,
        }),
      ),
    ];
    return {
      items,
      incoming: shares.filter((s) => policy.isOwnOrg(actor, s.orgId)).map(toShare),
      outgoing: shares.filter((s) => policy.isOwnOrg(actor, s.requesterOrgId)).map(toShare),
    };
  }

  async offer(actor: Actor, input: ChannelCreate): Promise<Channel> {
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const now = this.now();
    await this.db.transaction(async (tx) => {
      await new MarketingChannelRepository(tx).insertChannel({
        id,
        orgId: actor.orgId,
        ...input,
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        { orgId: actor.orgId, action: "channel.offer", entity: "channel", entityId: id, after: input },
        now,
      );
    });
    const [c] = await new MarketingChannelRepository(this.db).channels(id);
    if (!c) throw new NotFoundError("channel", id);
    return this.toChannel(actor, c, null);
  }

  async request(actor: Actor, channelId: string, input: ChannelShareRequest): Promise<ChannelShare> {
    policy.assert(actor, "marketing.write", { kind: "org", orgId: actor.orgId });
    const now = this.now();
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const repo = new MarketingChannelRepository(tx);
      const [c] = await repo.channels(channelId);
      if (!c) {
        if (await repo.isEvent(channelId))
          throw new ConflictError(
            "the hub's fairs and conferences are open to every firm: no agreement needed",
          );
        throw new NotFoundError("channel", channelId);
      }
      if (policy.isOwnOrg(actor, c.orgId)) throw ValidationError.field("id", "this channel is your own");
      // marketing_channel_shares_open_key: a second open request for the same channel → 409.
      await repo.insertShare({
        id,
        orgId: c.orgId,
        channelId,
        requesterOrgId: actor.orgId,
        note: input.note,
        status: "pending",
        createdAt: now,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: c.orgId,
          action: "channel.request",
          entity: "channelShare",
          entityId: id,
          after: { channelId, ...input },
        },
        now,
      );
    });
    return this.mustFindShare(actor.orgId, id);
  }

  async decide(
    actor: Actor,
    id: string,
    transition: Transition,
    input: ChannelShareDecide,
  ): Promise<ChannelShare> {
    const now = this.now();
    const { from, to } = TRANSITIONS[transition];
    await this.db.transaction(async (tx) => {
      const repo = new MarketingChannelRepository(tx);
      const s = await repo.findShare(actor.orgId, id);
      if (!s) throw new NotFoundError("channel share", id);
      policy.assert(actor, "channelShare.decide", {
        kind: "channelShare",
        id,
        ownerOrgId: s.orgId,
        requesterOrgId: s.requesterOrgId,
      });
      const changed = await repo.setShareStatus(s.orgId, id, from, {
        status: to,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: input.note ? input.note : null,
      });
      if (!changed) throw new ConflictError(`this share is ${s.status}; only a ${from} share can be ${to}`);
      await writeAudit(
        tx,
        actor,
        {
          orgId: s.orgId,
          action: `channel.${transition}`,
          entity: "channelShare",
          entityId: id,
          before: { status: from },
          after: { status: to, note: input.note ?? null },
        },
        now,
      );
    });
    return this.mustFindShare(actor.orgId, id);
  }

  private toChannel(actor: Actor, c: ChannelView, myShare: ShareView["status"] | null): Channel {
    return {
      id: c.id,
      source: "offer",
      kind: c.kind,
      orgId: c.orgId,
      orgNameZh: c.orgNameZh,
      orgNameEn: c.orgNameEn,
      name: c.name,
      description: c.description,
      startsAt: null,
      mine: policy.isOwnOrg(actor, c.orgId),
      myShare,
    };
  }

  private async mustFindShare(orgId: string, id: string): Promise<ChannelShare> {
    const s = await new MarketingChannelRepository(this.db).findShare(orgId, id);
    if (!s) throw new NotFoundError("channel share", id);
    return toShare(s);
  }
}
