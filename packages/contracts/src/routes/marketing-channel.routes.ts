import { idParamsSchema } from "../common.contract.ts";
import {
  channelCreateSchema,
  channelListSchema,
  channelSchema,
  channelShareDecideSchema,
  channelShareRequestSchema,
  channelShareSchema,
} from "../marketing-channel.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["marketing"];

/** Channel sharing between firms by agreement; the hub's fairs and conferences are channels too. */
export const marketingChannelRoutes = {
  channels: defineRoute({
    method: "GET",
    path: "/marketing/channels",
    tags,
    summary: "Channels: offered by firms, the hub's fairs and conferences, and my share agreements",
    response: channelListSchema,
  }),
  offerChannel: defineRoute({
    method: "POST",
    path: "/marketing/channels",
    tags,
    summary: "Offer one of my org's channels (distributor, hospital group, fair) for sharing",
    body: channelCreateSchema,
    response: channelSchema,
    errors: [403],
  }),
  requestChannel: defineRoute({
    method: "POST",
    path: "/marketing/channels/:id/requests",
    tags,
    summary: "Ask the owner to share a channel with my org",
    params: idParamsSchema,
    scope: { id: "shared" },
    body: channelShareRequestSchema,
    response: channelShareSchema,
    errors: [403, 404, 409],
  }),
  approveShare: defineRoute({
    method: "POST",
    path: "/marketing/channel-shares/:id/approve",
    tags,
    summary: "Approve a pending request to share my channel",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: channelShareDecideSchema,
    response: channelShareSchema,
    errors: [403, 404, 409],
  }),
  declineShare: defineRoute({
    method: "POST",
    path: "/marketing/channel-shares/:id/decline",
    tags,
    summary: "Decline a pending request to share my channel",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: channelShareDecideSchema,
    response: channelShareSchema,
    errors: [403, 404, 409],
  }),
  revokeShare: defineRoute({
    method: "POST",
    path: "/marketing/channel-shares/:id/revoke",
    tags,
    summary: "Revoke an approved share of my channel",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: channelShareDecideSchema,
    response: channelShareSchema,
    errors: [403, 404, 409],
  }),
};
