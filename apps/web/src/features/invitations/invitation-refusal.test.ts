import { INVITATION_REFUSALS } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { isMessageKey } from "../../i18n/translate.ts";
import { ApiError } from "../../shared/api/api-error.ts";
import { invitationLink, invitationProblem } from "./invitation-refusal.ts";

describe("invitation link problems", () => {
  it("reads the server's reason, maps 404 to an unknown link, and ignores anything else", () => {
    expect(invitationProblem(new ApiError(409, "CONFLICT", "used", { reason: "INVITATION_USED" }))).toBe(
      "INVITATION_USED",
    );
    expect(
      invitationProblem(new ApiError(403, "FORBIDDEN", "x", { reason: "INVITATION_EMAIL_MISMATCH" })),
    ).toBe("INVITATION_EMAIL_MISMATCH");
    expect(invitationProblem(new ApiError(404, "NOT_FOUND", "invitation not found"))).toBe("NOT_FOUND");
    expect(invitationProblem(new ApiError(409, "CONFLICT", "x", { reason: "LAST_OWNER" }))).toBeNull();
    expect(invitationProblem(new ApiError(500, "INTERNAL", "x"))).toBeNull();
    expect(invitationProblem(new Error("offline"))).toBeNull();
  });

  it("every refusal the server can give has a translated explanation", () => {
    const missing = [...INVITATION_REFUSALS, "NOT_FOUND"].filter((r) => !isMessageKey(`invite.reason.${r}`));
    expect(missing).toEqual([]);
  });

  it("builds the link from the site's origin and the server's path", () => {
    expect(invitationLink("https://cb.example.cn/", "/invite/abc")).toBe("https://cb.example.cn/invite/abc");
    expect(invitationLink("http://localhost:3000", "/invite/abc")).toBe("http://localhost:3000/invite/abc");
  });
});
