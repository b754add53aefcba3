import {
  apiTokenListSchema,
  createApiTokenRequestSchema,
  createApiTokenResponseSchema,
  demoAccountsResponseSchema,
  errorBodySchema,
  idParamsSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  okSchema,
} from "@clusterbrain/contracts";
import type { FastifyRequest } from "fastify";
import { requireActor, SESSION_COOKIE } from "../../http/auth-hook.ts";
import { sessionCookieOptions } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { AuthRepository } from "./auth.repository.ts";
import { AuthService } from "./auth.service.ts";
import { listDemoAccounts } from "./demo-accounts.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

export const authModule: FeatureModule = {
  name: "auth",
  routes(app, deps) {
    const service = new AuthService(deps.db, deps.security, deps.sessionSecret, deps.now, deps.caches);
    const cookieOptions = sessionCookieOptions(deps.security.secureCookies);

    /** The CSRF token lives with the session; Bearer callers get an empty one (they need none). */
    async function csrfFor(request: FastifyRequest): Promise<string> {
      const actor = requireActor(request);
      if (actor.via !== "session") return "";
      const row =
        deps.caches.credentials.get(`s:${actor.credentialId}`) ??
        (await new AuthRepository(deps.db).findSession(actor.credentialId, deps.now()));
      return row?.csrfToken ?? "";
    }

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with email and password; sets the session cookie",
          body: loginRequestSchema,
          response: { 200: loginResponseSchema, ...errors, 423: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        const result = await service.login({
          ...request.body,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? "",
        });
        reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, expires: result.expiresAt });
        return result.me;
      },
    );

    app.get(
      "/auth/demo-accounts",
      {
        schema: {
          tags: ["auth"],
          summary: "Demo sign-ins for the login page; empty unless the server runs in development mode",
          response: { 200: demoAccountsResponseSchema },
        },
      },
      async () => listDemoAccounts(deps.db, deps.devMode),
    );

    app.post(
      "/auth/logout",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign out (ends the session)",
          response: { 200: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await service.logout(requireActor(request));
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.get(
      "/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Who is signed in",
          response: { 200: meResponseSchema, ...errors },
        },
      },
      async (request) => service.me(requireActor(request), await csrfFor(request)),
    );

    app.get(
      "/auth/tokens",
      {
        schema: {
          tags: ["auth"],
          summary: "My API tokens",
          response: { 200: apiTokenListSchema, ...errors },
        },
      },
      async (request) => service.listTokens(requireActor(request)),
    );

    app.post(
      "/auth/tokens",
      {
        schema: {
          tags: ["auth"],
          summary: "Create an API token (the secret is shown once)",
          body: createApiTokenRequestSchema,
          response: { 200: createApiTokenResponseSchema, ...errors },
        },
      },
      async (request) => service.createToken(requireActor(request), request.body),
    );

    app.delete(
      "/auth/tokens/:id",
      {
        schema: {
          tags: ["auth"],
          summary: "Revoke one of my API tokens",
          params: idParamsSchema,
          response: { 200: okSchema, ...errors, 404: errorBodySchema },
        },
      },
      async (request) => {
        await service.revokeToken(requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  },
};
