import { idParamsSchema } from "../common.contract.ts";
import {
  kbArticleCreateSchema,
  kbArticlePageSchema,
  kbArticleSchema,
  kbArticleUpdateSchema,
  kbListQuerySchema,
} from "../knowledge.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["knowledge"];

/** The knowledge base: entries shared with the cluster, a group of firms or one firm. */
export const knowledgeRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/knowledge",
    tags,
    summary: "Knowledge entries the caller may read, with full-text search in Chinese and English",
    query: kbListQuerySchema,
    response: kbArticlePageSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/knowledge",
    tags,
    summary: "Write an article, standards list or lesson learned, shared as chosen",
    body: kbArticleCreateSchema,
    response: kbArticleSchema,
    errors: [403],
  }),
  get: defineRoute({
    method: "GET",
    path: "/knowledge/:id",
    tags,
    summary: "One entry (404 unless shared with the caller's org)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: kbArticleSchema,
    errors: [404],
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/knowledge/:id",
    tags,
    summary: "Change an entry of my org (text, tags, who may read it)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: kbArticleUpdateSchema,
    response: kbArticleSchema,
    errors: [403, 404],
  }),
};
