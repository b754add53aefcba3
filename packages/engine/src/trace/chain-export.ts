import type { Json } from "./canonical.ts";
import type { ChainExport, Checkpoint, LedgerEvent, PublicKeyEntry } from "./ledger.types.ts";
import { TraceError } from "./trace.errors.ts";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== "string")
    throw new TraceError("BAD_EXPORT", `${where}.${key} must be a string`, { field: `${where}.${key}` });
  return v;
}

function int(o: Obj, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TraceError("BAD_EXPORT", `${where}.${key} must be an integer`, { field: `${where}.${key}` });
  }
  return v;
}

function event(v: unknown, i: number): LedgerEvent {
  const where = `events[${i}]`;
  if (!isObj(v)) throw new TraceError("BAD_EXPORT", `${where} must be an object`, { field: where });
  return {
    seq: int(v, "seq", where),
    orgId: str(v, "orgId", where),
    keyId: str(v, "keyId", where),
    type: str(v, "type", where),
    at: str(v, "at", where),
    payload: (v.payload ?? null) as Json,
    prevHash: str(v, "prevHash", where),
    hash: str(v, "hash", where),
    signature: str(v, "signature", where),
  };
}

function key(v: unknown, i: number): PublicKeyEntry {
  const where = `publicKeys[${i}]`;
  if (!isObj(v)) throw new TraceError("BAD_EXPORT", `${where} must be an object`, { field: where });
  return {
    orgId: str(v, "orgId", where),
    keyId: str(v, "keyId", where),
    publicKey: str(v, "publicKey", where),
    validFrom: str(v, "validFrom", where),
  };
}

function checkpoint(v: unknown, where: string): Checkpoint {
  if (!isObj(v)) throw new TraceError("BAD_EXPORT", `${where} must be an object`, { field: where });
  const cp: Checkpoint = {
    orgId: str(v, "orgId", where),
    seq: int(v, "seq", where),
    hash: str(v, "hash", where),
    at: str(v, "at", where),
    keyId: str(v, "keyId", where),
    signature: str(v, "signature", where),
  };
  const cs = v.countersignature;
  if (cs !== undefined && cs !== null) {
    if (!isObj(cs)) throw new TraceError("BAD_EXPORT", `${where}.countersignature must be an object`);
    const w = `${where}.countersignature`;
    cp.countersignature = {
      orgId: str(cs, "orgId", w),
      keyId: str(cs, "keyId", w),
      at: str(cs, "at", w),
      signature: str(cs, "signature", w),
    };
  }
  return cp;
}

/** Reads a parsed JSON value as a chain export, naming the first field that is wrong. */
export function parseChainExport(value: unknown): ChainExport {
  if (!isObj(value) || value.format !== "clusterbrain-trace-chain") {
    throw new TraceError("BAD_EXPORT", 'not a chain export (format must be "clusterbrain-trace-chain")');
  }
  if (value.version !== 1)
    throw new TraceError("BAD_EXPORT", `unsupported export version ${String(value.version)}`);
  if (!Array.isArray(value.events)) throw new TraceError("BAD_EXPORT", "events must be an array");
  if (!Array.isArray(value.publicKeys)) throw new TraceError("BAD_EXPORT", "publicKeys must be an array");
  const out: ChainExport = {
    format: "clusterbrain-trace-chain",
    version: 1,
    orgId: str(value, "orgId", "export"),
    events: value.events.map(event),
    publicKeys: value.publicKeys.map(key),
  };
  if (value.head !== undefined && value.head !== null) out.head = checkpoint(value.head, "head");
  if (value.checkpoints !== undefined) {
    if (!Array.isArray(value.checkpoints)) throw new TraceError("BAD_EXPORT", "checkpoints must be an array");
    out.checkpoints = value.checkpoints.map((c, i) => checkpoint(c, `checkpoints[${i}]`));
  }
  return out;
}
