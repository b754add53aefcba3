import type { Json } from "./canonical.ts";

/** What an organisation states in one ledger event, before it is chained and signed. */
export interface EventDraft {
  type: string;
  /** ISO timestamp of the event. */
  at: string;
  payload: Json;
}

/** One event of an organisation's chain. `hash` covers everything but itself and the signature. */
export interface LedgerEvent extends EventDraft {
  /** 1, 2, 3, … within the organisation's chain. */
  seq: number;
  orgId: string;
  keyId: string;
  /** Hash of the previous event, 64 zeros for the first. */
  prevHash: string;
  hash: string;
  /** Ed25519 signature (base64) of the hash's 32 bytes. */
  signature: string;
}

/** A public key of an organisation: valid from `validFrom` until the next key's start. */
export interface PublicKeyEntry {
  orgId: string;
  keyId: string;
  /** SPKI DER, base64. */
  publicKey: string;
  validFrom: string;
}

/** An organisation's signed statement "my chain's head is seq/hash", optionally countersigned. */
export interface Checkpoint {
  orgId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
  countersignature?: { orgId: string; keyId: string; at: string; signature: string };
}

/** What `clusterbrain verify` reads: one chain with the keys that check it. */
export interface ChainExport {
  format: "clusterbrain-trace-chain";
  version: 1;
  orgId: string;
  events: LedgerEvent[];
  publicKeys: PublicKeyEntry[];
  /** The head at export time, signed by the organisation: a truncated tail shows as missing. */
  head?: Checkpoint;
  /** Anchored (countersigned) checkpoints: a rewritten history no longer matches them. */
  checkpoints?: Checkpoint[];
}

export type ProblemKind =
  | "altered"
  | "missing"
  | "inserted"
  | "reordered"
  | "broken-link"
  | "unknown-key"
  | "key-not-valid"
  | "bad-checkpoint";

export interface ChainProblem {
  kind: ProblemKind;
  /** The sequence number the problem is about. */
  seq: number;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  problems: ChainProblem[];
}
