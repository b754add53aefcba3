import { type KbArticleCreate, type KbListQuery, routeTable } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.knowledge;

/** The knowledge base; paths and answer types come from the route table. */
export const knowledgeApi = {
  list: (query: Partial<KbListQuery>, signal?: AbortSignal) => callRoute(r.list, { query }, signal),
  get: (id: string, signal?: AbortSignal) => callRoute(r.get, { params: { id } }, signal),
  create: (body: KbArticleCreate) => callRoute(r.create, { body }),
};
