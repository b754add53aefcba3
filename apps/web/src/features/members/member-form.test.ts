import { describe, expect, it } from "vitest";
import { assignableRoles, canEditMember, toMemberAddRequest } from "./member-form.ts";

describe("member form helpers", () => {
  it("only an owner may hand out the owner role", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "member", "viewer"]);
    expect(assignableRoles("admin")).toEqual(["admin", "member", "viewer"]);
  });

  it("admins may edit everyone but owners; members and viewers edit nobody", () => {
    expect(canEditMember("owner", "owner")).toBe(true);
    expect(canEditMember("admin", "owner")).toBe(false);
    expect(canEditMember("admin", "viewer")).toBe(true);
    expect(canEditMember("member", "viewer")).toBe(false);
    expect(canEditMember("viewer", "viewer")).toBe(false);
  });

  it("trims the body and leaves out empty optional fields", () => {
    expect(
      toMemberAddRequest({
        email: " A@B.test ",
        displayName: " 张三 ",
        role: "member",
        password: "long enough pw",
      }),
    ).toEqual({ email: "a@b.test", displayName: "张三", role: "member", password: "long enough pw" });
    expect(
      toMemberAddRequest({ email: "a@b.test", displayName: "  ", role: "viewer", password: "" }),
    ).toEqual({
      email: "a@b.test",
      role: "viewer",
    });
  });
});
