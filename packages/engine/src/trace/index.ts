/** Traceability: GS1 UDI parsing and the signed, hash-chained lot-event ledger (pure, no I/O). */
export { canonicalJson, type Json, sha256Hex } from "./canonical.ts";
export { parseChainExport } from "./chain-export.ts";
export {
  formatUdi,
  gs1CheckDigit,
  isValidGtin,
  parseUdi,
  type Udi,
  type UdiParseOptions,
} from "./gs1-udi.ts";
export {
  generateOrgKeyPair,
  KeyRing,
  type OrgKeyPair,
  privateKeyFrom,
  publicKeyFrom,
  signDigest,
  verifyDigest,
} from "./keys.ts";
export {
  appendEvent,
  buildChain,
  checkpointDigest,
  countersignCheckpoint,
  countersignDigest,
  eventHash,
  GENESIS_HASH,
  type Signer,
  signCheckpoint,
} from "./ledger.ts";
export type * from "./ledger.types.ts";
export { TraceError, type TraceErrorCode } from "./trace.errors.ts";
export { verifyChain } from "./verify-chain.ts";
