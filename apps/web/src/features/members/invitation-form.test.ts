import { INVITATION_DEFAULT_HOURS, INVITATION_MAX_HOURS } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import {
  INVITATION_DEFAULT_DAYS,
  INVITATION_MAX_DAYS,
  toInvitationCreateRequest,
} from "./invitation-form.ts";

describe("invitation form", () => {
  it("sends a trimmed lower-case email and the validity in hours", () => {
    expect(toInvitationCreateRequest({ email: " Li.Lei@Example.CN ", role: "viewer", days: 3 })).toEqual({
      email: "li.lei@example.cn",
      role: "viewer",
      expiresInHours: 72,
    });
  });

  it("the form's default and maximum agree with the server's", () => {
    expect(INVITATION_DEFAULT_DAYS * 24).toBe(INVITATION_DEFAULT_HOURS);
    expect(INVITATION_MAX_DAYS * 24).toBe(INVITATION_MAX_HOURS);
  });
});
