import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../auth/actor.ts";
import { hashApiToken, safeEqual, sessionIdFor } from "../auth/secrets.ts";
import { CsrfError, UnauthenticatedError } from "../errors/index.ts";
import { AuthRepository, type CredentialRow } from "../modules/auth/auth.repository.ts";
import type { AppDeps } from "../modules/module.ts";

export const SESSION_COOKIE = "cb_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

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
 * preHandler for the API scope: resolves the actor from `Authorization: Bearer` or the session
 * cookie, and enforces the CSRF synchronizer token on cookie-authenticated writes. A bad or
 * expired credential simply yields no actor; routes that need one answer 401.
 */
export function authHook(deps: AppDeps) {
  return async function resolveActor(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.actor = null;
    const repo = new AuthRepository(deps.db);
    const now = deps.now();
    const authz = request.headers.authorization;
    if (authz?.startsWith("Bearer ")) {
      const row = await repo.findApiToken(hashApiToken(authz.slice(7).trim()), now);
      if (!row) throw new UnauthenticatedError("API token is invalid, expired or revoked");
      await repo.touchApiToken(row.credentialId, now);
      request.actor = toActor(row, "token", request.id);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const row = await repo.findSession(sessionIdFor(cookie, deps.sessionSecret), now);
    if (!row) return;
    if (UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !row.csrfToken || !safeEqual(sent, row.csrfToken))
        throw new CsrfError();
    }
    request.actor = toActor(row, "session", request.id);
  };
}

/** For routes that need a signed-in caller. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}
