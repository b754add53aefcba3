import type { InvitationCreateRequest, Role } from "@clusterbrain/contracts";

export interface InvitationFormValues {
  email: string;
  role: Role;
  /** How long the link stays valid, in days (the server counts hours). */
  days: number;
}

export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;

/** Form values to the request body: the email trimmed and lower-cased, days as hours. */
export function toInvitationCreateRequest(values: InvitationFormValues): InvitationCreateRequest {
  return {
    email: values.email.trim().toLowerCase(),
    role: values.role,
    expiresInHours: Math.round(values.days * 24),
  };
}
