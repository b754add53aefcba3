import { MEMBER_PASSWORD_MIN } from "@clusterbrain/contracts";
import { dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "../errors/index.ts";

/** Refused password; `details` names the field and the rule, the web translates the code. */
export class WeakPasswordError extends DomainError {
  readonly code = "WEAK_PASSWORD";
  readonly status = 400;
  constructor(reason: "TOO_SHORT" | "COMMON" | "CONTAINS_EMAIL") {
    super(`password: ${REASONS[reason]}`, [{ path: "password", message: REASONS[reason] }]);
  }
}

const REASONS = {
  TOO_SHORT: `must be at least ${MEMBER_PASSWORD_MIN} characters`,
  COMMON: "is on a list of common or breached passwords; choose another",
  CONTAINS_EMAIL: "must not contain your email address or its name part",
} as const;

let common: Set<string> | undefined;

/**
 * The ~49k most common passwords from public breach corpora, as shipped offline inside
 * @zxcvbn-ts/language-common (no network at run time). Built on first use: ~20 ms.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/**
 * The one password rule (ASVS 2.1.1, 2.1.7, NIST 800-63B 5.1.1.2): at least MEMBER_PASSWORD_MIN
 * code points after NFC, not a common/breached password (case-insensitive, also with trailing
 * digits or punctuation stripped), not the account's email or its local part. No composition
 * rules (2.1.9). Every place that sets a password calls it: CLI `user add`, member add, invitation sign-up.
 */
export function assertAcceptablePassword(password: string, email?: string): void {
  const pw = password.normalize("NFC");
  if ([...pw].length < MEMBER_PASSWORD_MIN) throw new WeakPasswordError("TOO_SHORT");
  const lower = pw.toLowerCase();
  const list = commonPasswords();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (list.has(lower) || list.has(lower.trim()) || (stem.length >= 4 && list.has(stem)))
    throw new WeakPasswordError("COMMON");
  if (email) {
    const addr = email.trim().toLowerCase();
    const local = addr.split("@")[0] ?? "";
    if (lower.includes(addr) || (local.length >= 4 && lower.includes(local)))
      throw new WeakPasswordError("CONTAINS_EMAIL");
  }
}
