import { routeTable } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { SESSION_COOKIE } from "../../http/auth-hook.ts";
import { registerRoute } from "../../http/route-registry.ts";
import { sessionCookieOptions } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { AuthRepository } from "./auth.repository.ts";
import { AuthService } from "./auth.service.ts";
import { listDemoAccounts } from "./demo-accounts.service.ts";

const routes = routeTable.auth;

export const authModule: FeatureModule = {
  name: "auth",
  routes(app, deps) {
    const service = new AuthService(deps.db, deps.security, deps.sessionSecret, deps.now, deps.caches);
    const cookieOptions = sessionCookieOptions(deps.security.secureCookies);

    /** The CSRF token lives with the session; Bearer callers get an empty one (they need none). */
    async function csrfFor(actor: Actor): Promise<string> {
      if (actor.via !== "session") return "";
      const row =
        deps.caches.credentials.get(`s:${actor.credentialId}`) ??
        (await new AuthRepository(deps.db).findSession(actor.credentialId, deps.now()));
      return row?.csrfToken ?? "";
    }

    registerRoute(app, routes.login, async ({ body, request, reply }) => {
      const result = await service.login({
        ...body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
        previousSessionToken: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, expires: result.expiresAt });
      return result.me;
    });
    registerRoute(app, routes.demoAccounts, async () => listDemoAccounts(deps.db, deps.devMode));
    registerRoute(app, routes.logout, async ({ actor, reply }) => {
      await service.logout(actor);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    });
    registerRoute(app, routes.me, async ({ actor }) => service.me(actor, await csrfFor(actor)));
    registerRoute(app, routes.listTokens, async ({ actor }) => service.listTokens(actor));
    registerRoute(app, routes.createToken, async ({ actor, body }) => service.createToken(actor, body));
    registerRoute(app, routes.revokeToken, async ({ actor, params }) => {
      await service.revokeToken(actor, params.id);
      return { ok: true as const };
    });
  },
};
