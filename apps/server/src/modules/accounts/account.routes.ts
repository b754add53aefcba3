import {
  errorBodySchema,
  membershipListSchema,
  meResponseSchema,
  switchOrgRequestSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import { setSessionCookie } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { AccountService } from "./account.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Organisation switcher for users with several memberships. */
export const accountModule: FeatureModule = {
  name: "accounts",
  routes(app, deps) {
    const service = new AccountService(deps.db, deps.sessionSecret, deps.now, deps.caches);

    app.get(
      "/auth/memberships",
      {
        schema: {
          tags: ["auth"],
          summary: "My memberships and the org the session acts for",
          response: { 200: membershipListSchema, ...errors },
        },
      },
      async (request) => service.memberships(requireActor(request)),
    );

    app.post(
      "/auth/switch-org",
      {
        schema: {
          tags: ["auth"],
          summary: "Act for another of my orgs; the session id and CSRF token are replaced",
          body: switchOrgRequestSchema,
          response: { 200: meResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await service.switchOrg(
          requireActor(request),
          request.body.orgId,
          request.ip,
          request.headers["user-agent"] ?? "",
        );
        setSessionCookie(reply, deps.security.secureCookies, result.sessionToken, result.expiresAt);
        return result.me;
      },
    );
  },
};
