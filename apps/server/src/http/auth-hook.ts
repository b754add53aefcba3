import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../auth/actor.ts";
import { hashApiToken, safeEqual, sessionIdFor } from "../auth/secrets.ts";
import { CsrfError, UnauthenticatedError } from "../errors/index.ts";
import { AuthRepository, type CredentialRow } from "../modules/auth/auth.repository.ts";
import type { AppDeps } from "../modules/module.ts";

export const SESSION_COOKIE = "cb_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const LOGIN_ROUTE = "/api/v1/auth/login";

declare module "fastify" {
  interface FastifyRequest {
    /** Resolved by the auth hook for every /api/v1 request; null when not signed in. */
    actor: Actor | null;
  }
}

function toActor(row: CredentialRow, via: Actor["via"], requestId: string): Actor {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    orgId: row.orgId,
    orgKind: row.orgKind,
    role: row.role,
    via,
    credentialId: row.credentialId,
    requestId,
  };
}

/**
 * onRequest hook for the API scope, so it runs before any body parsing or validation: resolves
 * the actor from `Authorization: Bearer` or the session cookie, enforces the CSRF synchronizer
 * token on cookie-authenticated writes, and answers 401 to an anonymous call of any route not
 * declared public — before looking at its params, query or body.
 */
export function authHook(deps: AppDeps) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    await resolveActor(deps, request);
    const declared = request.routeOptions.config?.declared;
    if (declared?.auth !== "public" && !request.actor) throw new UnauthenticatedError();
  };
}

async function resolveActor(deps: AppDeps, request: FastifyRequest): Promise<void> {
  request.actor = null;
  const repo = new AuthRepository(deps.db);
  const now = deps.now();
  const authz = request.headers.authorization;
  const cache = deps.caches.credentials;
  if (authz?.startsWith("Bearer ")) {
    const key = `t:${hashApiToken(authz.slice(7).trim())}`;
    let row = cache.get(key);
    if (row === undefined) {
      row = (await repo.findApiToken(key.slice(2), now)) ?? null;
      cache.set(key, row);
      // last_used_at is refreshed on a cache miss, i.e. at most once per TTL per token.
      if (row) await repo.touchApiToken(row.credentialId, now);
    }
    if (!row || (row.expiresAt && row.expiresAt <= now))
      throw new UnauthenticatedError("API token is invalid, expired or revoked");
    request.actor = toActor(row, "token", request.id);
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  // Signing in does not use the existing session, so a stale cookie must not block it.
  if (!cookie || request.routeOptions.url === LOGIN_ROUTE) return;
  const sessionId = sessionIdFor(cookie, deps.sessionSecret);
  let row = cache.get(`s:${sessionId}`);
  if (row === undefined) {
    row = (await repo.findSession(sessionId, now)) ?? null;
    cache.set(`s:${sessionId}`, row);
  }
  if (!row || (row.expiresAt && row.expiresAt <= now)) return;
  if (UNSAFE.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !row.csrfToken || !safeEqual(sent, row.csrfToken)) throw new CsrfError();
  }
  request.actor = toActor(row, "session", request.id);
}

/** For routes that need a signed-in caller. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}
