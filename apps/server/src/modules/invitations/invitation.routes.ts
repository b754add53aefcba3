import { routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import { setSessionCookie } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { InvitationService } from "./invitation.service.ts";

const routes = routeTable.invitations;

/**
 * Invitations of MY org (create, list, withdraw), and the two public routes behind the link:
 * preview and accept (by the token, which is the only credential a new user has).
 */
export const invitationModule: FeatureModule = {
  name: "invitations",
  routes(app, deps) {
    const service = new InvitationService(deps.db, deps.security, deps.sessionSecret, deps.now, deps.caches);
    registerRoute(app, routes.create, async ({ actor, body }) => service.create(actor, body));
    registerRoute(app, routes.list, async ({ actor }) => service.list(actor));
    registerRoute(app, routes.revoke, async ({ actor, params }) => service.revoke(actor, params.id));
    registerRoute(app, routes.preview, async ({ params }) => service.preview(params.token));
    registerRoute(app, routes.accept, async ({ actor, params, body, request, reply }) => {
      const result = await service.accept(actor, params.token, body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
        requestId: request.id,
      });
      setSessionCookie(reply, deps.security.secureCookies, result.sessionToken, result.expiresAt);
      return result.me;
    });
  },
};
