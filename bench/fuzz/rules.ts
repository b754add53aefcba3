// Who must never get a 2xx, written down from docs/api.md's "who" column and auth/policy.ts
// rather than read from the server: the fuzzer checks the server against the rules, not itself.

export type Persona = "anonymous" | "owner" | "admin" | "member" | "viewer" | "operator";

export const PERSONAS: readonly Persona[] = ["anonymous", "owner", "admin", "member", "viewer", "operator"];

/** Operations anyone may call without signing in. */
export const PUBLIC_OPERATIONS = new Set(["POST /api/v1/auth/login", "GET /api/v1/auth/demo-accounts"]);

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
};

/** Operations on one org named by {id}: only that org's own staff may succeed. */
const OWN_ORG_ONLY = new Set([
  "PATCH /api/v1/orgs/{id}",
  "GET /api/v1/orgs/{id}/members",
  "PUT /api/v1/orgs/{id}/indicators",
]);

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
  return undefined;
}
