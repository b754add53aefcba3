import { z } from "zod";
import { text } from "./common.contract.ts";

/** Kinds of sales channel a firm can offer; fairs and conferences also come from the hub's events. */
export const CHANNEL_KINDS = ["distributor", "hospital_group", "fair", "conference"] as const;
export const channelKindSchema = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof channelKindSchema>;

export const CHANNEL_SHARE_STATUSES = ["pending", "approved", "declined", "revoked"] as const;
export const channelShareStatusSchema = z.enum(CHANNEL_SHARE_STATUSES);
export type ChannelShareStatus = z.infer<typeof channelShareStatusSchema>;

/** A channel my org offers to share with other firms by agreement. */
export const channelCreateSchema = z
  .object({
    kind: channelKindSchema,
    name: text({ min: 1, max: 200 }),
    description: text({ min: 0, max: 1000, multiline: true }).default(""),
  })
  .strict();
export type ChannelCreate = z.infer<typeof channelCreateSchema>;

export const channelShareRequestSchema = z
  .object({ note: text({ min: 0, max: 500, multiline: true }).default("") })
  .strict();
export type ChannelShareRequest = z.infer<typeof channelShareRequestSchema>;
export const channelShareDecideSchema = z
  .object({ note: text({ min: 0, max: 500, multiline: true }).optional() })
  .strict();
export type ChannelShareDecide = z.infer<typeof channelShareDecideSchema>;

export const channelSchema = z.object({
  id: z.string(),
  /** "offer": a firm's channel shared by agreement; "event": a hub fair or conference, open to all. */
  source: z.enum(["offer", "event"]),
  kind: channelKindSchema,
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  name: z.string(),
  description: z.string(),
  /** For an event channel: when it starts (ISO). */
  startsAt: z.string().nullable(),
  mine: z.boolean(),
  /**
   * The caller's org's agreement on this channel, if any ("approved" = it may use the channel): a
   * share status, as a nullable string (a nullable enum's OpenAPI form leaves null out).
   */
  myShare: z.string().nullable(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelShareSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  ownerOrgId: z.string(),
  ownerNameZh: z.string(),
  ownerNameEn: z.string(),
  requesterOrgId: z.string(),
  requesterNameZh: z.string(),
  requesterNameEn: z.string(),
  note: z.string(),
  status: channelShareStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ChannelShare = z.infer<typeof channelShareSchema>;

export const channelListSchema = z.object({
  items: z.array(channelSchema),
  /** Requests to use my channels (I decide or revoke) and my requests for others' channels. */
  incoming: z.array(channelShareSchema),
  outgoing: z.array(channelShareSchema),
});
export type ChannelList = z.infer<typeof channelListSchema>;
