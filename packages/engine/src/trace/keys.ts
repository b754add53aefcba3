import {
  createPrivateKey,
  createPublicKey,
  sign as edSign,
  verify as edVerify,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import type { PublicKeyEntry } from "./ledger.types.ts";
import { TraceError } from "./trace.errors.ts";

/** A newly generated Ed25519 key pair: public SPKI DER and private PKCS#8 DER, both base64. */
export interface OrgKeyPair {
  publicKey: string;
  privateKey: string;
}

export function generateOrgKeyPair(): OrgKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  };
}

export function privateKeyFrom(base64Pkcs8: string): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(base64Pkcs8, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new TraceError("BAD_KEY", "not an Ed25519 private key (PKCS#8 DER, base64)");
  }
}

export function publicKeyFrom(base64Spki: string): KeyObject {
  try {
    const key = createPublicKey({ key: Buffer.from(base64Spki, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ed25519") throw new Error("not ed25519");
    return key;
  } catch {
    throw new TraceError("BAD_KEY", "not an Ed25519 public key (SPKI DER, base64)");
  }
}

/** Signs a hex digest's bytes. */
export function signDigest(hexDigest: string, key: KeyObject): string {
  return edSign(null, Buffer.from(hexDigest, "hex"), key).toString("base64");
}

export function verifyDigest(hexDigest: string, signature: string, key: KeyObject): boolean {
  try {
    return edVerify(null, Buffer.from(hexDigest, "hex"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

/**
 * The keys of every organisation, with their validity windows: a key is valid from its
 * `validFrom` until the next key of the same organisation starts (rotation).
 */
export class KeyRing {
  private readonly byId = new Map<string, { from: number; key: KeyObject | null; until: number }>();

  constructor(entries: readonly PublicKeyEntry[]) {
    const byOrg = new Map<string, PublicKeyEntry[]>();
    for (const e of entries) {
      const list = byOrg.get(e.orgId) ?? [];
      list.push(e);
      byOrg.set(e.orgId, list);
    }
    for (const list of byOrg.values()) {
      list.sort((a, b) => Date.parse(a.validFrom) - Date.parse(b.validFrom));
      list.forEach((entry, i) => {
        let key: KeyObject | null = null;
        try {
          key = publicKeyFrom(entry.publicKey);
        } catch {
          key = null;
        }
        const next = list[i + 1];
        this.byId.set(`${entry.orgId}\u0000${entry.keyId}`, {
          from: Date.parse(entry.validFrom),
          key,
          until: next === undefined ? Number.POSITIVE_INFINITY : Date.parse(next.validFrom),
        });
      });
    }
  }

  /** The key, or why it cannot check a signature made at `at`. */
  lookup(orgId: string, keyId: string, at: string): KeyObject | "unknown-key" | "key-not-valid" {
    const found = this.byId.get(`${orgId}\u0000${keyId}`);
    if (found === undefined || found.key === null) return "unknown-key";
    const t = Date.parse(at);
    if (!(t >= found.from && t < found.until)) return "key-not-valid";
    return found.key;
  }
}
