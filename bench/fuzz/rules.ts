// Who must never get a 2xx, written down from docs/api.md's "who" column and auth/policy.ts
// rather than read from the server: the fuzzer checks the server against the rules, not itself.
import { EMAILS, IDS } from "../../apps/server/src/test/fixtures.ts";

export type Persona = "anonymous" | "owner" | "admin" | "member" | "viewer" | "operator";

export const PERSONAS: readonly Persona[] = ["anonymous", "owner", "admin", "member", "viewer", "operator"];

/** Operations anyone may call without signing in. */
export const PUBLIC_OPERATIONS = new Set([
  "POST /api/v1/auth/login",
  "GET /api/v1/auth/demo-accounts",
  // The invitation link's token is the credential: anonymous callers are answered 404/409, not 401.
  "GET /api/v1/invitations/by-token/{token}",
  "POST /api/v1/invitations/by-token/{token}/accept",
  // A carrier's webhook: signed by HMAC, no session; unsigned callers get 401 from the signature check.
  "POST /api/v1/logistics/webhook",
]);

const EDITORS_ONLY: readonly Persona[] = ["member", "viewer"];
const WRITERS_ONLY: readonly Persona[] = ["viewer"];
const FIRM_STAFF: readonly Persona[] = ["owner", "admin", "member", "viewer"];

/** Operation → signed-in personas that must never succeed at it. */
const DENIED: Record<string, readonly Persona[]> = {
  "POST /api/v1/orgs": FIRM_STAFF,
  "PATCH /api/v1/orgs/{id}": EDITORS_ONLY,
  "GET /api/v1/orgs/{id}/members": EDITORS_ONLY,
  "POST /api/v1/members": EDITORS_ONLY,
  "PATCH /api/v1/members/{id}": EDITORS_ONLY,
  "DELETE /api/v1/members/{id}": EDITORS_ONLY,
  "PUT /api/v1/orgs/{id}/indicators": WRITERS_ONLY,
  "POST /api/v1/relations": WRITERS_ONLY,
  "DELETE /api/v1/relations/{id}": EDITORS_ONLY,
  "POST /api/v1/grants": EDITORS_ONLY,
  "POST /api/v1/grants/{id}/revoke": EDITORS_ONLY,
  "GET /api/v1/audit": EDITORS_ONLY,
  "POST /api/v1/auth/tokens": WRITERS_ONLY,
  "POST /api/v1/imports": WRITERS_ONLY,
  "POST /api/v1/imports/upload": WRITERS_ONLY,
  "POST /api/v1/jobs": WRITERS_ONLY,
  "POST /api/v1/jobs/{id}/cancel": WRITERS_ONLY,
  "POST /api/v1/invitations": EDITORS_ONLY,
  "GET /api/v1/invitations": EDITORS_ONLY,
  "POST /api/v1/invitations/{id}/revoke": EDITORS_ONLY,
};

/** Operations on one org named by {id}: only that org's own staff may succeed. */
const OWN_ORG_ONLY = new Set([
  "PATCH /api/v1/orgs/{id}",
  "GET /api/v1/orgs/{id}/members",
  "PUT /api/v1/orgs/{id}/indicators",
]);

/** Operations on one record named by {id}: only staff of an org the record belongs to may succeed. */
const OWN_RECORD_ONLY = new Set([
  "DELETE /api/v1/relations/{id}",
  "POST /api/v1/grants/{id}/revoke",
  "PATCH /api/v1/members/{id}",
  "DELETE /api/v1/members/{id}",
]);

/** Fixture records (apps/server/src/test/fixtures.ts) → the orgs whose staff may act on them. */
const RECORD_ORGS: Record<string, readonly string[]> = {
  [IDS.grantBC]: [IDS.b],
  [IDS.relationBC]: [IDS.b, IDS.c],
  [IDS.relationAC]: [IDS.a, IDS.c],
  [`u-${EMAILS.bOwner}`]: [IDS.b],
  [`u-${EMAILS.cOwner}`]: [IDS.c],
  [`u-${EMAILS.opAdmin}`]: [IDS.operator],
  [`u-${EMAILS.aOwner}`]: [IDS.a],
  [`u-${EMAILS.aAdmin}`]: [IDS.a],
  [`u-${EMAILS.aMember}`]: [IDS.a],
  [`u-${EMAILS.aViewer}`]: [IDS.a],
};

/**
 * Why `persona` (staff of `ownOrgId`) must not get a 2xx here, or undefined if it may.
 * `pathId` is the decoded {id} the request named, when the path has one.
 */
export function mustNotSucceed(
  persona: Persona,
  opKey: string,
  ownOrgId: string | undefined,
  pathId: string | undefined,
): string | undefined {
  if (persona === "anonymous")
    return PUBLIC_OPERATIONS.has(opKey) ? undefined : "anonymous caller on a signed-in route";
  if (DENIED[opKey]?.includes(persona)) return `${persona} is not allowed ${opKey}`;
  if (OWN_ORG_ONLY.has(opKey) && pathId !== undefined && pathId !== ownOrgId)
    return `${persona} of ${ownOrgId} acted on another org ${pathId}`;
  const owners = pathId === undefined ? undefined : RECORD_ORGS[pathId];
  if (OWN_RECORD_ONLY.has(opKey) && owners && !owners.includes(ownOrgId ?? ""))
    return `${persona} of ${ownOrgId} acted on ${pathId}, a record of ${owners.join("/")}`;
  return undefined;
}
