import type { RawPoint, RefusalReason } from "../telemetry/telemetry.types.ts";
import { inWindow, type TimeWindow } from "./json.codec.ts";
import {
  decodeSparkplug,
  type SparkplugMetric,
  type SparkplugPayload,
  type SparkplugTopic,
  toNumber,
} from "./sparkplug.codec.ts";

/**
 * What the Sparkplug B host application (this ingest) keeps per edge node: whether it is born,
 * the last sequence number, the bdSeq of its NBIRTH and the alias → metric name tables declared
 * in NBIRTH/DBIRTH. Mapping (docs/telemetry.md): group_id = orgId, edge_node_id = deviceId (the
 * device whose credential connects), metrics of a Sparkplug device behind the edge node are tags
 * named `<sparkplug device>/<metric>`.
 */
interface EdgeState {
  born: boolean;
  seq: number;
  bdSeq: number | undefined;
  /** `<device or "">|<alias>` → tag key. */
  aliases: Map<string, string>;
  lastRebirthRequest: number;
}

export type SparkplugOutcome =
  | {
      kind: "points";
      orgId: string;
      deviceId: string;
      points: RawPoint[];
      refused: { index: number; reason: RefusalReason }[];
    }
  | { kind: "refused"; reason: RefusalReason; rebirth: boolean }
  | { kind: "state"; orgId: string; deviceId: string; online: boolean }
  | { kind: "ignored" };

/** Minimum time between two rebirth requests to one edge node. */
export const REBIRTH_INTERVAL_MS = 5000;

/** Metrics that are Sparkplug bookkeeping, not device data. */
function isControlMetric(name: string): boolean {
  return name === "bdSeq" || name.startsWith("Node Control/") || name.startsWith("Device Control/");
}

function metricValue(metric: SparkplugMetric): RawPoint["value"] | undefined {
  if (metric.isNull) return undefined;
  const v = metric.value;
  if (typeof v === "boolean" || typeof v === "string") return v;
  const n = toNumber(v);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

export class SparkplugHost {
  private readonly edges = new Map<string, EdgeState>();

  /** Rebirth requests asked for since start (also counted in metrics). */
  rebirthRequests = 0;

  /**
   * Applies one message in arrival order (sequence numbers are checked here, synchronously).
   * On a sequence gap, or data from a node not born, the node is marked unborn, the message is
   * refused (`sequence_gap`) and `rebirth: true` asks the caller to publish the NCMD rebirth.
   */
  handle(topic: SparkplugTopic, raw: Buffer, window: TimeWindow): SparkplugOutcome {
    if (topic.type === "NCMD" || topic.type === "DCMD") return { kind: "ignored" };
    const payload = decodeSparkplug(raw);
    if (!payload) return { kind: "refused", reason: "malformed", rebirth: false };
    const key = `${topic.group}/${topic.edge}`;
    const seq = toNumber(payload.seq);
    const orgId = topic.group;
    const deviceId = topic.edge;

    if (topic.type === "NBIRTH") {
      if (seq === undefined || seq < 0 || seq > 255)
        return { kind: "refused", reason: "malformed", rebirth: false };
      const bdSeq = toNumber(payload.metrics?.find((m) => m.name === "bdSeq")?.value);
      const state: EdgeState = { born: true, seq, bdSeq, aliases: new Map(), lastRebirthRequest: 0 };
      this.edges.set(key, state);
      return this.points(state, "", payload, window, orgId, deviceId, true);
    }
    const state = this.edges.get(key);
    if (topic.type === "NDEATH") {
      const bdSeq = toNumber(payload.metrics?.find((m) => m.name === "bdSeq")?.value);
      // A death certificate from an older session (bdSeq differs) does not end the current one.
      if (state && (state.bdSeq === undefined || bdSeq === undefined || bdSeq === state.bdSeq))
        state.born = false;
      return { kind: "state", orgId, deviceId, online: false };
    }
    if (!state?.born) return this.gap(key, state, window.now);
    const expected = (state.seq + 1) % 256;
    if (seq !== expected) {
      state.born = false;
      return this.gap(key, state, window.now);
    }
    state.seq = seq;
    const device = topic.device ?? "";
    if (topic.type === "DBIRTH") {
      for (const k of [...state.aliases.keys()]) if (k.startsWith(`${device}|`)) state.aliases.delete(k);
      return this.points(state, device, payload, window, orgId, deviceId, true);
    }
    // A Sparkplug device behind the edge node went away; the edge node (our device) stays online.
    if (topic.type === "DDEATH") return { kind: "ignored" };
    return this.points(state, device, payload, window, orgId, deviceId, false);
  }

  private gap(key: string, state: EdgeState | undefined, now: number): SparkplugOutcome {
    const s = state ?? { born: false, seq: 0, bdSeq: undefined, aliases: new Map(), lastRebirthRequest: 0 };
    if (!state) this.edges.set(key, s);
    const rebirth = now - s.lastRebirthRequest >= REBIRTH_INTERVAL_MS;
    if (rebirth) {
      s.lastRebirthRequest = now;
      this.rebirthRequests++;
    }
    return { kind: "refused", reason: "sequence_gap", rebirth };
  }

  private points(
    state: EdgeState,
    device: string,
    payload: SparkplugPayload,
    window: TimeWindow,
    orgId: string,
    deviceId: string,
    birth: boolean,
  ): SparkplugOutcome {
    const points: RawPoint[] = [];
    const refused: { index: number; reason: RefusalReason }[] = [];
    const fallbackTs = toNumber(payload.timestamp) ?? window.now;
    let index = 0;
    for (const metric of payload.metrics ?? []) {
      const alias = toNumber(metric.alias);
      let name = metric.name ?? undefined;
      if (birth && name && alias !== undefined) state.aliases.set(`${device}|${alias}`, name);
      if (!name && alias !== undefined) name = state.aliases.get(`${device}|${alias}`);
      if (name && isControlMetric(name)) continue;
      const at = index++;
      if (!name) {
        refused.push({ index: at, reason: "unknown_tag" });
        continue;
      }
      const value = metricValue(metric);
      if (value === undefined) {
        refused.push({ index: at, reason: "wrong_type" });
        continue;
      }
      const ts = toNumber(metric.timestamp) ?? fallbackTs;
      if (!inWindow(ts, window)) {
        refused.push({ index: at, reason: "timestamp_out_of_range" });
        continue;
      }
      points.push({ tag: device ? `${device}/${name}` : name, ts, value });
    }
    return { kind: "points", orgId, deviceId, points, refused };
  }

  /** Forget an edge node (its connection ended without NDEATH, or the module stops). */
  forget(group: string, edge: string): void {
    this.edges.delete(`${group}/${edge}`);
  }
}
