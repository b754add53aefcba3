import {
  errorBodySchema,
  grantCreateRequestSchema,
  grantListSchema,
  grantSchema,
  idParamsSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { GrantService } from "./grant.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const grantModule: FeatureModule = {
  name: "grants",
  routes(app, deps) {
    const service = new GrantService(deps.db, deps.now);
    app.get(
      "/grants",
      {
        schema: {
          tags: ["grants"],
          summary: "Grants my org gave and received",
          response: { 200: grantListSchema, ...errors },
        },
      },
      async (request) => service.list(requireActor(request)),
    );
    app.post(
      "/grants",
      {
        schema: {
          tags: ["grants"],
          summary: "Grant another org access to one class of my org's data",
          body: grantCreateRequestSchema,
          response: { 200: grantSchema, ...errors, 409: errorBodySchema },
        },
      },
      async (request) => service.create(requireActor(request), request.body),
    );
    app.post(
      "/grants/:id/revoke",
      {
        schema: {
          tags: ["grants"],
          summary: "Revoke a grant at once",
          params: idParamsSchema,
          response: { 200: grantSchema, ...errors },
        },
      },
      async (request) => service.revoke(requireActor(request), request.params.id),
    );
  },
};
