import type { MeResponse } from "@clusterbrain/contracts";
import { randomToken, sessionIdFor } from "../../auth/secrets.ts";
import type { AuthRepository, MembershipRow } from "./auth.repository.ts";

export interface NewSession {
  /** Cookie value; the database keeps only its HMAC. */
  sessionToken: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionRequest {
  userId: string;
  orgId: string;
  now: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string;
}

/**
 * Creates a server-side session with a fresh cookie value and CSRF token. Sign-in, switching org
 * and accepting an invitation all come here, so a new role always gets new secrets.
 */
export async function issueSession(
  repo: AuthRepository,
  sessionSecret: string,
  req: SessionRequest,
): Promise<NewSession> {
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  const sessionId = sessionIdFor(sessionToken, sessionSecret);
  await repo.createSession({
    id: sessionId,
    userId: req.userId,
    orgId: req.orgId,
    csrfToken,
    createdAt: req.now,
    expiresAt: req.expiresAt,
    ip: req.ip,
    userAgent: req.userAgent.slice(0, 300),
  });
  return { sessionToken, sessionId, csrfToken, expiresAt: req.expiresAt };
}

/** The `me` answer for a user acting in `current`, one of their `memberships`. */
export function meFor(
  user: { id: string; email: string; displayName: string },
  memberships: MembershipRow[],
  current: MembershipRow,
  csrfToken: string,
): MeResponse {
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName },
    org: { id: current.orgId, nameZh: current.orgNameZh, nameEn: current.orgNameEn, kind: current.orgKind },
    role: current.role,
    isOperator: current.orgKind === "operator",
    memberships,
    csrfToken,
  };
}
