import { ROLES } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { canImport, canManageOrg, canViewAudit } from "./access.ts";

describe("UI access hints", () => {
  it("lets only owners and admins manage an org", () => {
    const managers = ROLES.filter((role) => canManageOrg({ role }));
    expect(managers).toEqual(["owner", "admin"]);
  });

  it("shows the audit log to managers and to the operator whatever their role", () => {
    for (const role of ROLES) {
      expect(canViewAudit({ role, isOperator: true })).toBe(true);
      expect(canViewAudit({ role, isOperator: false })).toBe(canManageOrg({ role }));
    }
  });

  it("offers imports to everyone but viewers, and always to the operator", () => {
    expect(ROLES.filter((role) => canImport({ role, isOperator: false }))).toEqual([
      "owner",
      "admin",
      "member",
    ]);
    expect(canImport({ role: "viewer", isOperator: true })).toBe(true);
  });
});
