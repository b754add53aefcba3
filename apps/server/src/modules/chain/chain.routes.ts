import {
  chainMapResponseSchema,
  chainNodeOrgsResponseSchema,
  chainNodeSchema,
  errorBodySchema,
  idParamsSchema,
  okSchema,
  relationCreateRequestSchema,
  relationListSchema,
  relationSchema,
} from "@clusterbrain/contracts";
import { z } from "zod";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { ChainService } from "./chain.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const chainModule: FeatureModule = {
  name: "chain",
  routes(app, deps) {
    const service = new ChainService(deps.db, deps.now, deps.caches.aggregates);

    app.get(
      "/chain/map",
      {
        schema: {
          tags: ["chain"],
          summary: "Industry-chain map: nodes, firm counts, weak links, k-suppressed flows",
          response: { 200: chainMapResponseSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.map();
      },
    );

    app.get(
      "/chain/nodes",
      {
        schema: {
          tags: ["chain"],
          summary: "Chain nodes",
          response: { 200: z.object({ items: z.array(chainNodeSchema) }), ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.nodes();
      },
    );

    app.get(
      "/chain/nodes/:id/orgs",
      {
        schema: {
          tags: ["chain"],
          summary: "Organisations on a chain node",
          params: idParamsSchema,
          response: { 200: chainNodeOrgsResponseSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return service.nodeOrgs(request.params.id);
      },
    );

    app.get(
      "/orgs/:id/relations",
      {
        schema: {
          tags: ["chain"],
          summary: "An org's supplier/customer relations (own staff, or through a 'relations' grant)",
          params: idParamsSchema,
          response: { 200: relationListSchema, ...errors },
        },
      },
      async (request) => service.relationsOf(requireActor(request), request.params.id),
    );

    app.post(
      "/relations",
      {
        schema: {
          tags: ["chain"],
          summary: "Record a supplier→customer relation my org is party to",
          body: relationCreateRequestSchema,
          response: { 200: relationSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request) => service.createRelation(requireActor(request), request.body),
    );

    app.delete(
      "/relations/:id",
      {
        schema: {
          tags: ["chain"],
          summary: "Delete a relation my org is party to (owner/admin)",
          params: idParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await service.deleteRelation(requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  },
};
