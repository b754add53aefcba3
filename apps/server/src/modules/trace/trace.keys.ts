import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { generateOrgKeyPair, privateKeyFrom, type Signer } from "@clusterbrain/engine/trace";
import type { DbOrTx } from "../../db/database.ts";
import { type TraceKeyRow, TraceRepository } from "./trace.repository.ts";

/** Private keys at rest: AES-256-GCM under a key derived from SESSION_SECRET (iv | tag | ciphertext). */
export class TraceKeyVault {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHash("sha256").update(`clusterbrain-trace-keys\u0000${secret}`).digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}

/** The key valid at `at`: the one with the latest start not after it. */
export function keyAt(keys: readonly TraceKeyRow[], at: Date): TraceKeyRow | undefined {
  let found: TraceKeyRow | undefined;
  for (const k of keys) if (k.validFrom.getTime() <= at.getTime()) found = k;
  return found;
}

/**
 * Adds a key starting at `from` (at least 1 ms after the last one, so windows never tie). Called
 * under the org's head lock, so two rotations cannot pick the same key id.
 */
export async function addKey(
  tx: DbOrTx,
  vault: TraceKeyVault,
  orgId: string,
  from: Date,
): Promise<TraceKeyRow> {
  const repo = new TraceRepository(tx);
  const existing = await repo.keys([orgId]);
  const last = existing.at(-1);
  const validFrom = new Date(Math.max(from.getTime(), last ? last.validFrom.getTime() + 1 : 0));
  const pair = generateOrgKeyPair();
  const row: TraceKeyRow = {
    orgId,
    keyId: `k${existing.length + 1}`,
    publicKey: pair.publicKey,
    privateKeyEnc: vault.seal(pair.privateKey),
    validFrom,
    createdAt: from,
  };
  await repo.insertKey(row);
  return row;
}

/** The org's signer at `at`, creating its first key when it has none (call under the head lock). */
export async function signerAt(tx: DbOrTx, vault: TraceKeyVault, orgId: string, at: Date): Promise<Signer> {
  const keys = await new TraceRepository(tx).keys([orgId]);
  const row = keyAt(keys, at) ?? (keys.length === 0 ? await addKey(tx, vault, orgId, at) : keys[0]);
  try {
    return { orgId, keyId: row.keyId, privateKey: privateKeyFrom(vault.open(row.privateKeyEnc)) };
  } catch {
    // Sealed under another secret (SESSION_SECRET changed, or demo data): the key is retired by a
    // rotation; its public part stays, so what it signed still verifies.
    const fresh = await addKey(tx, vault, orgId, at);
    return { orgId, keyId: fresh.keyId, privateKey: privateKeyFrom(vault.open(fresh.privateKeyEnc)) };
  }
}
