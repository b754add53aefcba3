import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import { setSessionCookie } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { AccountService } from "./account.service.ts";

const routes = routeTable.accounts;

/** Organisation switcher for users with several memberships. */
export const accountModule: FeatureModule = {
  name: "accounts",
  routes(app, deps) {
    const service = new AccountService(deps.db, deps.sessionSecret, deps.now, deps.caches);
    registerRoute(app, routes.memberships, async ({ actor }) => service.memberships(actor));
    registerRoute(app, routes.switchOrg, async ({ actor, body, request, reply }) => {
      const result = await service.switchOrg(
        actor,
        body.orgId,
        request.ip,
        request.headers["user-agent"] ?? "",
      );
      setSessionCookie(reply, deps.security.secureCookies, result.sessionToken, result.expiresAt);
      return result.me;
    });
  },
};
