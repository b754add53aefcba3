import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the enum is an ambient const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, t=2: the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the email is unknown, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Session ids in the database are HMACs of the cookie value under SESSION_SECRET. */
export function sessionIdFor(cookieValue: string, secret: string): string {
  return createHmac("sha256", secret).update(cookieValue).digest("hex");
}

/** API tokens are high-entropy random strings; a plain SHA-256 is enough to store them. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
