import {
  type BundleWrite,
  type CampaignWrite,
  type ChannelCreate,
  type LeadUpdate,
  routeTable,
  type SegmentFilter,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.marketing;
const ch = routeTable.marketingChannels;

/** Calls of the precision-marketing screens, typed from the route table. */
export const marketingApi = {
  segment: (query: SegmentFilter, signal?: AbortSignal) => callRoute(r.segment, { query }, signal),
  bundles: (signal?: AbortSignal) => callRoute(r.bundles, {}, signal),
  createBundle: (body: BundleWrite) => callRoute(r.createBundle, { body }),
  campaigns: (signal?: AbortSignal) => callRoute(r.campaigns, {}, signal),
  createCampaign: (body: CampaignWrite) => callRoute(r.createCampaign, { body }),
  updateLead: (id: string, body: LeadUpdate) => callRoute(r.updateLead, { params: { id }, body }),
  channels: (signal?: AbortSignal) => callRoute(ch.channels, {}, signal),
  offerChannel: (body: ChannelCreate) => callRoute(ch.offerChannel, { body }),
  requestChannel: (id: string) => callRoute(ch.requestChannel, { params: { id }, body: {} }),
  approveShare: (id: string) => callRoute(ch.approveShare, { params: { id }, body: {} }),
  declineShare: (id: string) => callRoute(ch.declineShare, { params: { id }, body: {} }),
  revokeShare: (id: string) => callRoute(ch.revokeShare, { params: { id }, body: {} }),
};
