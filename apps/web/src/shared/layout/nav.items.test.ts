import type { MeResponse } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav.items.tsx";

function me(role: MeResponse["role"], isOperator = false): MeResponse {
  return {
    user: { id: "u", email: "u@x.test", displayName: "u" },
    org: { id: "o", nameZh: "甲", nameEn: "A", kind: isOperator ? "operator" : "enterprise" },
    role,
    isOperator,
    memberships: [],
    csrfToken: "t",
  };
}

const keys = (m: MeResponse) => navItemsFor(m).map((i) => i.key);

describe("menu entries by role", () => {
  it("shows Members to owners and admins only", () => {
    expect(keys(me("owner"))).toContain("members");
    expect(keys(me("admin"))).toContain("members");
    expect(keys(me("member"))).not.toContain("members");
    expect(keys(me("viewer"))).not.toContain("members");
  });
});
