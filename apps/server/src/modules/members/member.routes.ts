import {
  errorBodySchema,
  idParamsSchema,
  memberAddRequestSchema,
  memberResultSchema,
  memberRoleUpdateRequestSchema,
  okSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { MemberService } from "./member.service.ts";

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** Member management of MY org (the list stays at GET /orgs/:id/members). `:id` is the user id. */
export const memberModule: FeatureModule = {
  name: "members",
  routes(app, deps) {
    const service = new MemberService(deps.db, deps.now);
    app.post(
      "/members",
      {
        schema: {
          tags: ["members"],
          summary: "Add a member to my org (new user with an initial password, or an existing user by email)",
          body: memberAddRequestSchema,
          response: { 200: memberResultSchema, ...errors },
        },
      },
      async (request) => service.add(requireActor(request), request.body),
    );
    app.patch(
      "/members/:id",
      {
        schema: {
          tags: ["members"],
          summary: "Change a member's role in my org",
          params: idParamsSchema,
          body: memberRoleUpdateRequestSchema,
          response: { 200: memberResultSchema, ...errors },
        },
      },
      async (request) => service.changeRole(requireActor(request), request.params.id, request.body.role),
    );
    app.delete(
      "/members/:id",
      {
        schema: {
          tags: ["members"],
          summary: "Remove a member from my org (their account stays)",
          params: idParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await service.remove(requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  },
};
