import type { RawPoint, RefusalReason } from "../telemetry/telemetry.types.ts";

/**
 * The JSON topic scheme (docs/telemetry.md):
 *   cb/<orgId>/<deviceId>/data    {"ts"?: <epoch ms | ISO>, "points":[{"tag","ts"?,"v"}, …]}
 *   cb/<orgId>/<deviceId>/status  {"online": true|false} (also the device's will message)
 */
export type CbTopic = { orgId: string; deviceId: string; kind: "data" | "status" };

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** `cb/<org>/<device>/data|status` → its parts; null when the topic is not in the scheme. */
export function parseCbTopic(topic: string): CbTopic | null {
  const parts = topic.split("/");
  if (parts.length !== 4 || parts[0] !== "cb") return null;
  const [, orgId, deviceId, kind] = parts;
  if (!ID.test(orgId) || !ID.test(deviceId)) return null;
  if (kind !== "data" && kind !== "status") return null;
  return { orgId, deviceId, kind };
}

export interface TimeWindow {
  /** Receive time, epoch ms. */
  now: number;
  maxAgeMs: number;
  maxAheadMs: number;
}

export type Decoded =
  | { ok: true; points: RawPoint[]; refused: { index: number; reason: RefusalReason }[] }
  | { ok: false; reason: RefusalReason };

/** Points one message may carry; more is refused as oversized. */
export const MAX_POINTS_PER_MESSAGE = 10_000;
const MAX_TAG_LENGTH = 200;
const MAX_STRING_VALUE = 1000;

/** Epoch ms from a number (ms) or an ISO 8601 string; NaN when neither. */
export function parseTimestamp(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? Math.round(value) : Number.NaN;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  return Number.NaN;
}

/** Is `ts` inside the accepted window around the receive time? */
export function inWindow(ts: number, window: TimeWindow): boolean {
  return ts >= window.now - window.maxAgeMs && ts <= window.now + window.maxAheadMs;
}

/**
 * Decodes a `…/data` payload. The whole message is refused when it is not the documented shape
 * (`malformed`) or too big (`oversized`); single points with a timestamp outside the window are
 * refused one by one (`timestamp_out_of_range`) while the rest go on.
 */
export function decodeJsonData(payload: Buffer, window: TimeWindow): Decoded {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, reason: "malformed" };
  const { points, ts: defaultTs } = body as { points?: unknown; ts?: unknown };
  if (!Array.isArray(points)) return { ok: false, reason: "malformed" };
  if (points.length > MAX_POINTS_PER_MESSAGE) return { ok: false, reason: "oversized" };
  const fallbackTs = defaultTs === undefined ? window.now : parseTimestamp(defaultTs);
  if (Number.isNaN(fallbackTs)) return { ok: false, reason: "malformed" };
  const out: RawPoint[] = [];
  const refused: { index: number; reason: RefusalReason }[] = [];
  for (const p of points) {
    if (typeof p !== "object" || p === null) return { ok: false, reason: "malformed" };
    const { tag, ts, v } = p as { tag?: unknown; ts?: unknown; v?: unknown };
    if (typeof tag !== "string" || tag.length === 0 || tag.length > MAX_TAG_LENGTH)
      return { ok: false, reason: "malformed" };
    const value = v;
    if (
      !(typeof value === "number" && Number.isFinite(value)) &&
      typeof value !== "boolean" &&
      !(typeof value === "string" && value.length <= MAX_STRING_VALUE)
    )
      return { ok: false, reason: "malformed" };
    const at = ts === undefined ? fallbackTs : parseTimestamp(ts);
    if (Number.isNaN(at)) return { ok: false, reason: "malformed" };
    if (!inWindow(at, window)) {
      refused.push({ index: out.length + refused.length, reason: "timestamp_out_of_range" });
      continue;
    }
    out.push({ tag, ts: at, value });
  }
  return { ok: true, points: out, refused };
}

/** `…/status` payload: `{"online":bool}`, or the bare words online/offline. Null when neither. */
export function decodeStatus(payload: Buffer): boolean | null {
  const text = payload.toString("utf8").trim();
  if (text === "online") return true;
  if (text === "offline") return false;
  try {
    const body = JSON.parse(text) as { online?: unknown };
    return typeof body?.online === "boolean" ? body.online : null;
  } catch {
    return null;
  }
}

/** A JSON data message, as the simulator and tests publish it. */
export function encodeJsonData(points: readonly RawPoint[]): Buffer {
  return Buffer.from(JSON.stringify({ points: points.map((p) => ({ tag: p.tag, ts: p.ts, v: p.value })) }));
}
