import { type MemberAddRequest, ROLES, type Role } from "@clusterbrain/contracts";

export interface MemberFormValues {
  email: string;
  displayName?: string;
  role: Role;
  password?: string;
}

/** Mirrors the server's policy only to hide choices it would refuse: only an owner hands out "owner". */
export function assignableRoles(myRole: Role): Role[] {
  return myRole === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");
}

/** Whether I may re-role or remove a member who now has `targetRole` (admins leave owners alone). */
export function canEditMember(myRole: Role, targetRole: Role): boolean {
  if (myRole === "owner") return true;
  return myRole === "admin" && targetRole !== "owner";
}

/** Form values to the request body: trimmed, and empty optional fields left out (an existing user needs neither). */
export function toMemberAddRequest(values: MemberFormValues): MemberAddRequest {
  const displayName = values.displayName?.trim() ?? "";
  const password = values.password ?? "";
  return {
    email: values.email.trim().toLowerCase(),
    role: values.role,
    ...(displayName ? { displayName } : {}),
    ...(password ? { password } : {}),
  };
}
