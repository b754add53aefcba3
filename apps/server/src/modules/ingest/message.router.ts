import type { PointBatch, RefusalReason } from "../telemetry/telemetry.types.ts";
import { decodeJsonData, decodeStatus, parseCbTopic, type TimeWindow } from "./json.codec.ts";
import { parseSparkplugTopic, rebirthRequest } from "./sparkplug.codec.ts";
import { SparkplugHost } from "./sparkplug.host.ts";

/** The device a broker connection authenticated as (embedded broker); null on the external path. */
export interface DeviceIdentity {
  orgId: string;
  deviceId: string;
}

export type RouteDecision =
  | { kind: "write"; batch: PointBatch; preRefused: RefusalReason[] }
  | { kind: "refuse"; reason: RefusalReason }
  | { kind: "status"; orgId: string; deviceId: string; online: boolean }
  | { kind: "ignore" };

export interface RouterOptions {
  maxPayloadBytes: number;
  maxAgeMs: number;
  maxAheadMs: number;
  /** Sparkplug B host duties (sequence tracking, rebirth requests); off: Sparkplug topics ignored. */
  sparkplug: boolean;
}

/**
 * Turns one MQTT message into what ingest does with it, the same on both broker paths: the topic
 * ACL (a device publishes only under its own org and device), size limit, JSON or Sparkplug B
 * decoding. Synchronous, so Sparkplug sequence numbers are checked in arrival order.
 */
export class MessageRouter {
  readonly sparkplug = new SparkplugHost();

  constructor(
    private readonly options: RouterOptions,
    /** Publishes a Sparkplug rebirth request (NCMD) through whichever broker the message came from. */
    private readonly requestRebirth: (topic: string, payload: Buffer) => void,
  ) {}

  route(topic: string, payload: Buffer, identity: DeviceIdentity | null, now: number): RouteDecision {
    const window: TimeWindow = { now, maxAgeMs: this.options.maxAgeMs, maxAheadMs: this.options.maxAheadMs };
    const cb = parseCbTopic(topic);
    if (cb) {
      if (identity && (identity.orgId !== cb.orgId || identity.deviceId !== cb.deviceId))
        return { kind: "refuse", reason: "foreign_topic" };
      if (payload.length > this.options.maxPayloadBytes) return { kind: "refuse", reason: "oversized" };
      if (cb.kind === "status") {
        const online = decodeStatus(payload);
        return online === null
          ? { kind: "refuse", reason: "malformed" }
          : { kind: "status", orgId: cb.orgId, deviceId: cb.deviceId, online };
      }
      const decoded = decodeJsonData(payload, window);
      if (!decoded.ok) return { kind: "refuse", reason: decoded.reason };
      return {
        kind: "write",
        batch: { orgId: cb.orgId, deviceId: cb.deviceId, points: decoded.points },
        preRefused: decoded.refused.map((r) => r.reason),
      };
    }
    const sp = parseSparkplugTopic(topic);
    if (sp) {
      if (identity) {
        // Devices send births, deaths and data for themselves; commands are the host's to send.
        if (sp.type === "NCMD" || sp.type === "DCMD") return { kind: "refuse", reason: "foreign_topic" };
        if (identity.orgId !== sp.group || identity.deviceId !== sp.edge)
          return { kind: "refuse", reason: "foreign_topic" };
      }
      if (!this.options.sparkplug) return { kind: "ignore" };
      if (payload.length > this.options.maxPayloadBytes) return { kind: "refuse", reason: "oversized" };
      const outcome = this.sparkplug.handle(sp, payload, window);
      switch (outcome.kind) {
        case "points":
          return {
            kind: "write",
            batch: { orgId: outcome.orgId, deviceId: outcome.deviceId, points: outcome.points },
            preRefused: outcome.refused.map((r) => r.reason),
          };
        case "refused":
          if (outcome.rebirth) {
            const request = rebirthRequest(sp.group, sp.edge, now);
            this.requestRebirth(request.topic, request.payload);
          }
          return { kind: "refuse", reason: outcome.reason };
        case "state":
          return { kind: "status", orgId: outcome.orgId, deviceId: outcome.deviceId, online: outcome.online };
        default:
          return { kind: "ignore" };
      }
    }
    // Anything outside the two schemes: from a device it is someone else's topic.
    return identity ? { kind: "refuse", reason: "foreign_topic" } : { kind: "ignore" };
  }
}
