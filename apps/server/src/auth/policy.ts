import type { DataClass, Role } from "@clusterbrain/contracts";
import { NotFoundError } from "../errors/index.ts";
import type { Actor } from "./actor.ts";

/**
 * The ONE place that decides who may do what. Services ask here; routes never decide.
 * - the operator (an org of kind "operator") sees cluster-wide views and every org's audit log;
 * - a firm's staff manage their own org by role (owner/admin edit, member writes data, viewer reads);
 * - another org's private data (indicators, relations, equipment, contacts) only through an active grant.
 * Denials about another org's records are NotFound, so ids do not reveal that a record exists.
 */
const EDITORS: readonly Role[] = ["owner", "admin"];
const WRITERS: readonly Role[] = ["owner", "admin", "member"];

export type PrivateAccess = "own" | "grant" | "none";

export const policy = {
  isOperator(actor: Actor): boolean {
    return actor.orgKind === "operator";
  },

  /** Edit an org's profile: owner/admin of that org. */
  canEditOrg(actor: Actor, orgId: string): boolean {
    return actor.orgId === orgId && EDITORS.includes(actor.role);
  },

  /** Register a new org in the directory: the operator's owner/admin. */
  canCreateOrg(actor: Actor): boolean {
    return policy.isOperator(actor) && EDITORS.includes(actor.role);
  },

  /** Write an org's own operational data (indicators, relations): owner/admin/member of that org. */
  canWriteOrgData(actor: Actor, orgId: string): boolean {
    return actor.orgId === orgId && WRITERS.includes(actor.role);
  },

  /** Give or revoke grants of an org's data: owner/admin of the grantor. */
  canManageGrants(actor: Actor, orgId: string): boolean {
    return actor.orgId === orgId && EDITORS.includes(actor.role);
  },

  /** See an org's member list: owner/admin of that org. */
  canListMembers(actor: Actor, orgId: string): boolean {
    return actor.orgId === orgId && EDITORS.includes(actor.role);
  },

  /** Add, re-role or remove members of an org: owner/admin of that org. */
  canManageMembers(actor: Actor, orgId: string): boolean {
    return actor.orgId === orgId && EDITORS.includes(actor.role);
  },

  /**
   * Change a membership from `from` (undefined for a new member) to `to` (undefined for removal).
   * Only an owner may grant the owner role or touch an existing owner; an admin manages the rest.
   * (Keeping at least one owner is a data rule, checked by the members service.)
   */
  canChangeMembership(actor: Actor, orgId: string, from: Role | undefined, to: Role | undefined): boolean {
    if (!policy.canManageMembers(actor, orgId)) return false;
    if (actor.role === "owner") return true;
    return from !== "owner" && to !== "owner";
  },

  /** Read an org's audit log: its owner/admin, or the operator's owner/admin (any org, or all). */
  canReadAudit(actor: Actor, orgId: string | undefined): boolean {
    if (policy.isOperator(actor) && EDITORS.includes(actor.role)) return true;
    return orgId !== undefined && actor.orgId === orgId && EDITORS.includes(actor.role);
  },

  /** Create API tokens: anyone but a viewer (a token acts with its user's role). */
  canCreateApiToken(actor: Actor): boolean {
    return WRITERS.includes(actor.role);
  },

  /**
   * Read a private data class of `ownerOrgId`: own staff always; others only with an active grant
   * (`hasActiveGrant` is looked up by the caller). The operator is no exception: it needs a grant too.
   */
  privateAccess(
    actor: Actor,
    ownerOrgId: string,
    _dataClass: DataClass,
    hasActiveGrant: boolean,
  ): PrivateAccess {
    if (actor.orgId === ownerOrgId) return "own";
    return hasActiveGrant ? "grant" : "none";
  },

  /** Throw the no-leak answer unless `allowed`. */
  require(allowed: boolean, entity: string, id?: string): void {
    if (!allowed) throw new NotFoundError(entity, id);
  },
};

// Accounts rules (org switching, invitations) as small standalone functions.

/** Switch the session to `orgId`: only an org the user is a member of. */
export function canSwitchOrg(memberOrgIds: readonly string[], orgId: string): boolean {
  return memberOrgIds.includes(orgId);
}

/** Invite someone into `orgId` with `role`: the same rule as adding a member directly. */
export function canInvite(actor: Actor, orgId: string, role: Role): boolean {
  return policy.canChangeMembership(actor, orgId, undefined, role);
}

/** List an org's invitations: its owner/admin. */
export function canListInvitations(actor: Actor, orgId: string): boolean {
  return policy.canManageMembers(actor, orgId);
}

/**
 * Accept an invitation: only the account with the invited email (emails are stored lower-case), so
 * a forwarded or leaked link alone enrols nobody else.
 */
export function canAcceptInvitation(accountEmail: string, invitedEmail: string): boolean {
  return accountEmail.toLowerCase() === invitedEmail.toLowerCase();
}
