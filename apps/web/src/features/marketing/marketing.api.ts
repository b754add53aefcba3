import {
  type BundleWrite,
  type CampaignWrite,
  type LeadUpdate,
  routeTable,
  type SegmentFilter,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.marketing;

/** Calls of the precision-marketing screens, typed from the route table. */
export const marketingApi = {
  segment: (query: SegmentFilter, signal?: AbortSignal) => callRoute(r.segment, { query }, signal),
  bundles: (signal?: AbortSignal) => callRoute(r.bundles, {}, signal),
  createBundle: (body: BundleWrite) => callRoute(r.createBundle, { body }),
  campaigns: (signal?: AbortSignal) => callRoute(r.campaigns, {}, signal),
  createCampaign: (body: CampaignWrite) => callRoute(r.createCampaign, { body }),
  updateLead: (id: string, body: LeadUpdate) => callRoute(r.updateLead, { params: { id }, body }),
};
