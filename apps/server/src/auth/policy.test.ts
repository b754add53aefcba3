import { DATA_CLASSES, ROLES, type Role } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "../errors/index.ts";
import type { Actor } from "./actor.ts";
import { type Action, type ActionResources, CLUSTER, type OrgResource, policy } from "./policy.ts";

const FIRM = "org-firm";
const OTHER = "org-other";
const OPERATOR = "org-op";

function actor(role: Role, orgId = FIRM): Actor {
  return {
    userId: `u-${role}-${orgId}`,
    email: `${role}@${orgId}.test`,
    displayName: role,
    orgId,
    orgKind: orgId === OPERATOR ? "operator" : "enterprise",
    role,
    via: "session",
    credentialId: "c",
  };
}

type Outcome = "allow" | 403 | 404;
function outcome<A extends Action>(a: Actor, action: A, resource: ActionResources[A]): Outcome {
  const err = policy.check(a, action, resource);
  if (err === undefined) return "allow";
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ForbiddenError) return 403;
  throw new Error(`unexpected ${err.name}`);
}
/** What each role of the firm gets, in ROLES order: owner, admin, member, viewer. */
function byRole<A extends Action>(action: A, resource: ActionResources[A], orgId = FIRM): Outcome[] {
  return ROLES.map((role) => outcome(actor(role, orgId), action, resource));
}

/** The actions about an org as a whole. */
type OrgAction = { [A in Action]: ActionResources[A] extends OrgResource ? A : never }[Action];

const OWN = { kind: "org", orgId: FIRM } as const;
const FOREIGN = { kind: "org", orgId: OTHER } as const;

describe("policy matrix: who may do what, and which error a refusal is", () => {
  it("own-org actions by role; another org's records are 404 whatever the role", () => {
    const table: [OrgAction, Outcome[]][] = [
      ["org.update", ["allow", "allow", 403, 403]],
      ["org.members.read", ["allow", "allow", 403, 403]],
      ["indicators.write", ["allow", "allow", "allow", 403]],
      ["relation.create", ["allow", "allow", "allow", 403]],
      ["relation.import", ["allow", "allow", "allow", 403]],
      ["grant.create", ["allow", "allow", 403, 403]],
      ["planning.read", ["allow", "allow", "allow", "allow"]],
      ["planning.write", ["allow", "allow", "allow", 403]],
    ];
    for (const [action, expected] of table) {
      expect(byRole(action, OWN), action).toEqual(expected);
      expect(byRole(action, FOREIGN), action).toEqual([404, 404, 404, 404]);
      // The operator is no superuser over firms' records.
      expect(byRole(action, FOREIGN, OPERATOR), `${action} by operator`).toEqual([404, 404, 404, 404]);
    }
  });

  it("registering and importing organisations: only the operator's owners and admins", () => {
    for (const action of ["org.create", "org.import"] as const) {
      expect(byRole(action, CLUSTER, OPERATOR)).toEqual(["allow", "allow", 403, 403]);
      expect(byRole(action, CLUSTER)).toEqual([403, 403, 403, 403]);
    }
  });

  it("membership changes: admins manage everyone but owners; only an owner touches the owner role", () => {
    const res = (from: Role | undefined, to: Role | undefined) =>
      ({ kind: "membership", orgId: FIRM, from, to }) as const;
    expect(byRole("member.add", res(undefined, "member"))).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("member.add", res(undefined, "owner"))).toEqual(["allow", 403, 403, 403]);
    expect(byRole("member.change", res("member", "admin"))).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("member.change", res("owner", "admin"))).toEqual(["allow", 403, 403, 403]);
    expect(byRole("member.change", res("member", undefined))).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("member.change", res("owner", undefined))).toEqual(["allow", 403, 403, 403]);
    expect(byRole("member.change", { kind: "membership", orgId: OTHER, from: "member" })).toEqual([
      404, 404, 404, 404,
    ]);
  });

  it("relations belong to both parties; grants to the grantor", () => {
    const asSupplier = { kind: "relation", id: "r", supplierOrgId: FIRM, customerOrgId: OTHER } as const;
    const asCustomer = { kind: "relation", id: "r", supplierOrgId: OTHER, customerOrgId: FIRM } as const;
    const notParty = { kind: "relation", id: "r", supplierOrgId: OTHER, customerOrgId: OPERATOR } as const;
    expect(byRole("relation.delete", asSupplier)).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("relation.delete", asCustomer)).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("relation.delete", notParty)).toEqual([404, 404, 404, 404]);
    expect(byRole("grant.revoke", { kind: "grant", id: "g", grantorOrgId: FIRM })).toEqual([
      "allow",
      "allow",
      403,
      403,
    ]);
    expect(byRole("grant.revoke", { kind: "grant", id: "g", grantorOrgId: OTHER })).toEqual([
      404, 404, 404, 404,
    ]);
  });

  it("audit logs: own org's owners and admins; the operator's read any org's and the whole cluster's", () => {
    expect(byRole("audit.read", { kind: "auditLog", orgId: FIRM })).toEqual(["allow", "allow", 403, 403]);
    expect(byRole("audit.read", { kind: "auditLog", orgId: OTHER })).toEqual([404, 404, 404, 404]);
    expect(byRole("audit.read", { kind: "auditLog", orgId: OTHER }, OPERATOR)).toEqual([
      "allow",
      "allow",
      404,
      404,
    ]);
    expect(byRole("audit.read", { kind: "auditLog", orgId: undefined }, OPERATOR)).toEqual([
      "allow",
      "allow",
      404,
      404,
    ]);
    // Without an org in the query, the operator means the cluster and everyone else their own org.
    expect(policy.auditScope(actor("admin", OPERATOR), undefined)).toBeUndefined();
    expect(policy.auditScope(actor("viewer"), undefined)).toBe(FIRM);
    expect(policy.auditScope(actor("viewer"), OTHER)).toBe(OTHER);
  });

  it("API tokens: every role but viewer creates; only the token's own user, in its org, revokes", () => {
    expect(byRole("apiToken.create", CLUSTER)).toEqual(["allow", "allow", "allow", 403]);
    const own = actor("member");
    const token = { kind: "apiToken", id: "t", userId: own.userId, orgId: FIRM } as const;
    expect(outcome(own, "apiToken.revoke", token)).toBe("allow");
    expect(outcome(actor("owner"), "apiToken.revoke", token)).toBe(404);
    expect(outcome({ ...own, orgId: OTHER }, "apiToken.revoke", token)).toBe(404);
  });

  it("private data: own staff of every role, others only with an active grant (404 otherwise)", () => {
    for (const dataClass of DATA_CLASSES) {
      const own = { kind: "privateData", orgId: FIRM, dataClass, hasActiveGrant: false } as const;
      const foreign = { ...own, orgId: OTHER };
      expect(byRole("privateData.read", own)).toEqual(["allow", "allow", "allow", "allow"]);
      expect(byRole("privateData.read", foreign)).toEqual([404, 404, 404, 404]);
      expect(byRole("privateData.read", foreign, OPERATOR)).toEqual([404, 404, 404, 404]);
      expect(byRole("privateData.read", { ...foreign, hasActiveGrant: true })).toEqual([
        "allow",
        "allow",
        "allow",
        "allow",
      ]);
    }
    expect(policy.privateAccess(actor("viewer"), FIRM, false)).toBe("own");
    expect(policy.privateAccess(actor("owner"), OTHER, true)).toBe("grant");
    expect(policy.privateAccess(actor("owner", OPERATOR), OTHER, false)).toBe("none");
  });

  it("assert throws exactly the error check reports, with the record's id for a 404", () => {
    const viewer = actor("viewer");
    expect(() => policy.assert(viewer, "org.update", OWN)).toThrow(ForbiddenError);
    expect(() => policy.assert(viewer, "org.update", FOREIGN)).toThrow(`org ${OTHER} not found`);
    expect(() => policy.assert(actor("owner"), "org.update", OWN)).not.toThrow();
  });
});
