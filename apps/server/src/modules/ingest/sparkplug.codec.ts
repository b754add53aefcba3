import { get } from "sparkplug-payload";
import type { UMetric, UPayload } from "sparkplug-payload/lib/sparkplugbpayload";

/** Sparkplug B topic namespace and the message types ingest handles. */
export const SPARKPLUG_NAMESPACE = "spBv1.0";
export const SPARKPLUG_TYPES = [
  "NBIRTH",
  "NDEATH",
  "DBIRTH",
  "DDEATH",
  "NDATA",
  "DDATA",
  "NCMD",
  "DCMD",
] as const;
export type SparkplugType = (typeof SPARKPLUG_TYPES)[number];

export interface SparkplugTopic {
  group: string;
  type: SparkplugType;
  edge: string;
  /** Present for DBIRTH/DDATA/DDEATH/DCMD. */
  device: string | undefined;
}

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** `spBv1.0/<group>/<type>/<edge>[/<device>]` → its parts; null when not a Sparkplug B topic. */
export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  const parts = topic.split("/");
  if (parts[0] !== SPARKPLUG_NAMESPACE || parts.length < 4 || parts.length > 5) return null;
  const [, group, type, edge, device] = parts;
  if (!(SPARKPLUG_TYPES as readonly string[]).includes(type)) return null;
  if (!ID.test(group) || !ID.test(edge) || (device !== undefined && !ID.test(device))) return null;
  const isDeviceType = type.startsWith("D");
  if (isDeviceType !== (device !== undefined)) return null;
  return { group, type: type as SparkplugType, edge, device };
}

const codec = get(SPARKPLUG_NAMESPACE);
if (!codec) throw new Error("sparkplug-payload has no spBv1.0 codec");
const spB = codec;

export type SparkplugPayload = UPayload;
export type SparkplugMetric = UMetric;

/** Decodes a Sparkplug B protobuf payload; null when it is not one. */
export function decodeSparkplug(payload: Buffer): SparkplugPayload | null {
  try {
    return spB.decodePayload(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
  } catch {
    return null;
  }
}

export function encodeSparkplug(payload: SparkplugPayload): Buffer {
  return Buffer.from(spB.encodePayload(payload));
}

/** A protobuf 64-bit integer (Long) or a plain number → number; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "toNumber" in value) {
    const fn = (value as { toNumber: unknown }).toNumber;
    if (typeof fn === "function") return Number(fn.call(value));
  }
  return undefined;
}

export const REBIRTH_METRIC = "Node Control/Rebirth";

/** The NCMD a host publishes to ask an edge node to send NBIRTH and DBIRTHs again. */
export function rebirthRequest(group: string, edge: string, now: number): { topic: string; payload: Buffer } {
  return {
    topic: `${SPARKPLUG_NAMESPACE}/${group}/NCMD/${edge}`,
    payload: encodeSparkplug({
      timestamp: now,
      metrics: [{ name: REBIRTH_METRIC, type: "Boolean", value: true, timestamp: now }],
    }),
  };
}
