import type { OrgKind, Role } from "@clusterbrain/contracts";

/** Who is making a request, resolved once per request from the session cookie or a Bearer token. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  via: "session" | "token";
  /** Session id (hash) or API token id; used by logout / token revocation. */
  credentialId: string;
  requestId?: string;
}
