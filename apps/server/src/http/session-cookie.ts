import type { FastifyReply } from "fastify";
import { SESSION_COOKIE } from "./auth-hook.ts";

/** The session cookie's attributes: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function sessionCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure };
}

/** Hands the browser a (new) session cookie, e.g. after switching org or accepting an invitation. */
export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(secure), expires });
}
