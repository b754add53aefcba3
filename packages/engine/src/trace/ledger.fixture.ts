import { generateOrgKeyPair, privateKeyFrom } from "./keys.ts";
import { buildChain, type Signer, signCheckpoint } from "./ledger.ts";
import type { ChainExport, EventDraft, PublicKeyEntry } from "./ledger.types.ts";

/** Test fixture: a firm with two keys (rotated at `rotateAt`) and an operator key. */
export function keysForTest(orgId = "org-a", rotateAt = "2025-06-01T00:00:00.000Z") {
  const k1 = generateOrgKeyPair();
  const k2 = generateOrgKeyPair();
  const op = generateOrgKeyPair();
  const publicKeys: PublicKeyEntry[] = [
    { orgId, keyId: "k1", publicKey: k1.publicKey, validFrom: "2020-01-01T00:00:00.000Z" },
    { orgId, keyId: "k2", publicKey: k2.publicKey, validFrom: rotateAt },
    { orgId: "operator", keyId: "op1", publicKey: op.publicKey, validFrom: "2020-01-01T00:00:00.000Z" },
  ];
  const s1: Signer = { orgId, keyId: "k1", privateKey: privateKeyFrom(k1.privateKey) };
  const s2: Signer = { orgId, keyId: "k2", privateKey: privateKeyFrom(k2.privateKey) };
  const operator: Signer = { orgId: "operator", keyId: "op1", privateKey: privateKeyFrom(op.privateKey) };
  const signerAt = (d: { at: string }) => (Date.parse(d.at) < Date.parse(rotateAt) ? s1 : s2);
  return { orgId, publicKeys, signerAt, operator };
}

export type TestKeys = ReturnType<typeof keysForTest>;

export function draftsForTest(n: number): EventDraft[] {
  const start = Date.parse("2025-05-01T00:00:00.000Z");
  return Array.from({ length: n }, (_, i) => ({
    type: i % 3 === 0 ? "material-lot" : i % 3 === 1 ? "production-lot" : "shipment",
    at: new Date(start + i * 86_400_000).toISOString(),
    payload: { lot: `L${i}`, qty: i * 10, inputs: i > 0 ? [`L${i - 1}`] : [] },
  }));
}

/** A valid export of n events with a signed head. */
export function exportForTest(keys: TestKeys, n: number): ChainExport {
  const events = buildChain(draftsForTest(n), keys.signerAt);
  const last = events.at(-1);
  const head = last ? signCheckpoint(last, last.at, keys.signerAt(last)) : undefined;
  return {
    format: "clusterbrain-trace-chain",
    version: 1,
    orgId: keys.orgId,
    events,
    publicKeys: keys.publicKeys,
    head,
  };
}
