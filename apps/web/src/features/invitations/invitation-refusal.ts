import { INVITATION_REFUSALS, type InvitationRefusal } from "@clusterbrain/contracts";
import { ApiError } from "../../shared/api/api-error.ts";

/** Why an invitation link cannot be used, as the page explains it; NOT_FOUND is an unknown link. */
export type InvitationProblem = InvitationRefusal | "NOT_FOUND";

/** The server's reason for refusing a link (`details.reason`, or 404); null for any other failure. */
export function invitationProblem(err: unknown): InvitationProblem | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 404) return "NOT_FOUND";
  const details = err.details;
  const reason =
    typeof details === "object" && details !== null && "reason" in details ? details.reason : undefined;
  return INVITATION_REFUSALS.find((r) => r === reason) ?? null;
}

/** The full link to hand out: this site's origin plus the path the server answered with. */
export function invitationLink(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path}`;
}
