import type { MeResponse } from "@clusterbrain/contracts";

// Mirrors the server's policy only to hide controls that would be refused; the server still decides.

/** Owners and admins edit their org's profile and manage its grants. */
export function canManageOrg(me: Pick<MeResponse, "role">): boolean {
  return me.role === "owner" || me.role === "admin";
}

/** The audit log is for an org's owners/admins and for the cluster operator. */
export function canViewAudit(me: Pick<MeResponse, "role" | "isOperator">): boolean {
  return me.isOperator || canManageOrg(me);
}

/** Who may import: the operator (organisations) and staff who may write relations (not viewers). */
export function canImport(me: Pick<MeResponse, "role" | "isOperator">): boolean {
  return me.isOperator || me.role !== "viewer";
}

/** Asking another firm for its data: staff who may write (not viewers), as the server's policy says. */
export function canRequestAccess(me: Pick<MeResponse, "role">): boolean {
  return me.role !== "viewer";
}

/** Recording the org's own indicators: owner, admin or member (the server's indicators.write). */
export function canWriteIndicators(me: Pick<MeResponse, "role">): boolean {
  return me.role !== "viewer";
}
