import {
  type MaterialContactCreate,
  type MaterialListingCreate,
  type MaterialListingQuery,
  type MaterialListingUpdate,
  type PoolRoundCreate,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.materials;

/** Calls of material matching, pooled purchasing and shared stock, typed from the route table. */
export const materialsApi = {
  list: (query: MaterialListingQuery, signal?: AbortSignal) => callRoute(r.list, { query }, signal),
  create: (body: MaterialListingCreate) => callRoute(r.create, { body }),
  update: (id: string, body: MaterialListingUpdate) => callRoute(r.update, { params: { id }, body }),
  matches: (id: string, signal?: AbortSignal) => callRoute(r.matches, { params: { id } }, signal),
  contacts: (signal?: AbortSignal) => callRoute(r.listContacts, {}, signal),
  contact: (body: MaterialContactCreate) => callRoute(r.createContact, { body }),
  pooledDemand: (signal?: AbortSignal) => callRoute(r.pooledDemand, {}, signal),
  rounds: (signal?: AbortSignal) => callRoute(r.listRounds, {}, signal),
  openRound: (body: PoolRoundCreate) => callRoute(r.createRound, { body }),
  joinRound: (id: string, quantity: number) => callRoute(r.joinRound, { params: { id }, body: { quantity } }),
  stockGrantors: (signal?: AbortSignal) => callRoute(r.stockGrantors, {}, signal),
  stock: (orgId: string, signal?: AbortSignal) => callRoute(r.stock, { params: { orgId } }, signal),
  /** The listings as filtered on screen, as .xlsx in the screen's language. */
  exportUrl: (query: MaterialListingQuery, lang: "zh" | "en") => {
    const params = new URLSearchParams({ lang, scope: query.scope });
    if (query.kind) params.set("kind", query.kind);
    if (query.category) params.set("category", query.category);
    return `${routeUrl(r.export)}?${params.toString()}`;
  },
};
