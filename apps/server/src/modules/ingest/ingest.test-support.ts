import type {
  DeviceAuthenticator,
  PointBatch,
  PointWriter,
  RawPoint,
  WriteResult,
} from "../telemetry/telemetry.types.ts";

export interface MemoryDevice {
  orgId: string;
  deviceId: string;
  username: string;
  password: string;
  tags: string[];
}

/**
 * An in-memory PointWriter/DeviceAuthenticator over a fixed device list: our own seam, for tests
 * of ingest without the storage module. Refuses unknown devices and tags like storage does,
 * detects (device, tag, ts) duplicates, and can be made to fail (database down) or wait (slow).
 */
export class MemoryTelemetry implements PointWriter, DeviceAuthenticator {
  readonly points = new Map<string, RawPoint & { orgId: string; deviceId: string }>();
  /** Batches in the order their writes resolved. */
  readonly log: { batch: PointBatch; result: WriteResult; at: number }[] = [];
  failing = false;
  /** While set, writes wait for it. */
  gate: Promise<void> | undefined;
  writes = 0;

  constructor(readonly devices: MemoryDevice[]) {}

  async authenticate(
    username: string,
    password: string,
  ): Promise<{ orgId: string; deviceId: string } | null> {
    const d = this.devices.find((x) => x.username === username && x.password === password);
    return d ? { orgId: d.orgId, deviceId: d.deviceId } : null;
  }

  async write(batch: PointBatch): Promise<WriteResult> {
    this.writes++;
    if (this.gate) await this.gate;
    if (this.failing) throw new Error("database unavailable");
    const device = this.devices.find((d) => d.orgId === batch.orgId && d.deviceId === batch.deviceId);
    const result: WriteResult = { stored: 0, duplicates: 0, refused: [] };
    for (const [index, p] of batch.points.entries()) {
      const key = `${batch.orgId}/${batch.deviceId}/${p.tag}/${p.ts}`;
      if (!device) result.refused.push({ index, reason: "unknown_device" });
      else if (!device.tags.includes(p.tag)) result.refused.push({ index, reason: "unknown_tag" });
      else if (this.points.has(key)) result.duplicates++;
      else {
        this.points.set(key, { ...p, orgId: batch.orgId, deviceId: batch.deviceId });
        result.stored++;
      }
    }
    this.log.push({ batch, result, at: Date.now() });
    return result;
  }

  stored(orgId: string, deviceId: string): RawPoint[] {
    return [...this.points.values()].filter((p) => p.orgId === orgId && p.deviceId === deviceId);
  }
}

export const TEST_DEVICES: MemoryDevice[] = [
  {
    orgId: "org-a",
    deviceId: "line1",
    username: "a-line1",
    password: "pw-a-line1",
    tags: ["temp", "rate", "n1"],
  },
  { orgId: "org-a", deviceId: "line2", username: "a-line2", password: "pw-a-line2", tags: ["temp"] },
  {
    orgId: "org-b",
    deviceId: "edge1",
    username: "b-edge1",
    password: "pw-b-edge1",
    tags: ["temp", "speed", "running", "filler/level"],
  },
];

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
