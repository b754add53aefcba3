import type { KeyObject } from "node:crypto";
import { canonicalJson, sha256Hex } from "./canonical.ts";
import { signDigest } from "./keys.ts";
import type { Checkpoint, EventDraft, LedgerEvent } from "./ledger.types.ts";
import { TraceError } from "./trace.errors.ts";

export const GENESIS_HASH = "0".repeat(64);

/** The hash of an event: SHA-256 of the canonical encoding of everything but hash and signature. */
export function eventHash(event: Omit<LedgerEvent, "hash" | "signature">): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      orgId: event.orgId,
      seq: event.seq,
      keyId: event.keyId,
      type: event.type,
      at: event.at,
      payload: event.payload,
      prevHash: event.prevHash,
    }),
  );
}

export interface Signer {
  orgId: string;
  keyId: string;
  privateKey: KeyObject;
}

/** The next event of a chain whose head is `prev` (null for the first), hashed and signed. */
export function appendEvent(
  prev: Pick<LedgerEvent, "seq" | "hash"> | null,
  draft: EventDraft,
  signer: Signer,
): LedgerEvent {
  if (typeof draft.type !== "string" || draft.type === "")
    throw new TraceError("BAD_EVENT", "an event needs a type");
  if (Number.isNaN(Date.parse(draft.at)))
    throw new TraceError("BAD_EVENT", `"${draft.at}" is not a timestamp`);
  const body = {
    seq: prev === null ? 1 : prev.seq + 1,
    orgId: signer.orgId,
    keyId: signer.keyId,
    type: draft.type,
    at: draft.at,
    payload: draft.payload,
    prevHash: prev === null ? GENESIS_HASH : prev.hash,
  };
  const hash = eventHash(body);
  return { ...body, hash, signature: signDigest(hash, signer.privateKey) };
}

/** Builds a whole chain from drafts (tests, demo data, benchmarks). */
export function buildChain(
  drafts: readonly EventDraft[],
  signerAt: (draft: EventDraft) => Signer,
): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (const d of drafts) out.push(appendEvent(out.at(-1) ?? null, d, signerAt(d)));
  return out;
}

export function checkpointDigest(cp: Pick<Checkpoint, "orgId" | "seq" | "hash" | "at">): string {
  return sha256Hex(
    canonicalJson({ kind: "checkpoint", orgId: cp.orgId, seq: cp.seq, hash: cp.hash, at: cp.at }),
  );
}

export function countersignDigest(cp: Checkpoint, operatorOrgId: string, at: string): string {
  return sha256Hex(
    canonicalJson({
      kind: "countersign",
      checkpoint: checkpointDigest(cp),
      signature: cp.signature,
      orgId: operatorOrgId,
      at,
    }),
  );
}

/** The organisation's signed statement of its chain head. */
export function signCheckpoint(
  head: Pick<LedgerEvent, "seq" | "hash">,
  at: string,
  signer: Signer,
): Checkpoint {
  const cp = { orgId: signer.orgId, seq: head.seq, hash: head.hash, at };
  return { ...cp, keyId: signer.keyId, signature: signDigest(checkpointDigest(cp), signer.privateKey) };
}

/** The operator's countersignature: the checkpoint can no longer be replaced by the firm alone. */
export function countersignCheckpoint(cp: Checkpoint, at: string, operator: Signer): Checkpoint {
  const signature = signDigest(countersignDigest(cp, operator.orgId, at), operator.privateKey);
  return { ...cp, countersignature: { orgId: operator.orgId, keyId: operator.keyId, at, signature } };
}
