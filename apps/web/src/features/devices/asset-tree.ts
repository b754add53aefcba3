import type { AssetTree, Device, Tag } from "@clusterbrain/contracts";

export type AssetNodeKind = "site" | "line" | "machine" | "device" | "tag";

/** One node of the nested tree the screen draws (antd Tree's shape plus what the rows need). */
export interface AssetNode {
  key: string;
  kind: AssetNodeKind;
  id: string;
  name: string;
  device?: Device;
  tag?: Tag;
  processType?: string;
  children: AssetNode[];
}

/** Nests the flat lists by parent id: site → line → machine → device → tag. */
export function nestAssets(tree: AssetTree): AssetNode[] {
  const byParent = <T>(items: T[], parent: (x: T) => string) => {
    const map = new Map<string, T[]>();
    for (const x of items) map.set(parent(x), [...(map.get(parent(x)) ?? []), x]);
    return map;
  };
  const lines = byParent(tree.lines, (l) => l.siteId);
  const machines = byParent(tree.machines, (m) => m.lineId);
  const devices = byParent(tree.devices, (d) => d.machineId);
  const tags = byParent(tree.tags, (t) => t.deviceId);
  return tree.sites.map((s) => ({
    key: `site:${s.id}`,
    kind: "site",
    id: s.id,
    name: s.name,
    children: (lines.get(s.id) ?? []).map((l) => ({
      key: `line:${l.id}`,
      kind: "line",
      id: l.id,
      name: l.name,
      children: (machines.get(l.id) ?? []).map((m) => ({
        key: `machine:${m.id}`,
        kind: "machine",
        id: m.id,
        name: m.name,
        processType: m.processType,
        children: (devices.get(m.id) ?? []).map((d) => ({
          key: `device:${d.id}`,
          kind: "device",
          id: d.id,
          name: d.name,
          device: d,
          children: (tags.get(d.id) ?? []).map((t) => ({
            key: `tag:${t.id}`,
            kind: "tag",
            id: t.id,
            name: t.key,
            tag: t,
            children: [],
          })),
        })),
      })),
    })),
  }));
}

export type ConnectionState = "online" | "stale" | "offline" | "never";

/** How long after its last point a device still counts as live when the broker says nothing. */
export const STALE_AFTER_MS = 60_000;

/**
 * What the tree shows for a device: online (the broker says so and it sent within a minute),
 * stale (connected but silent), offline, or never seen.
 */
export function connectionState(device: Device, now: number): ConnectionState {
  if (!device.lastSeenAt && !device.online) return "never";
  if (!device.online) return "offline";
  const seen = device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0;
  return now - seen <= STALE_AFTER_MS ? "online" : "stale";
}

/** Counts per state over every device (the header's summary). */
export function stateCounts(devices: Device[], now: number): Record<ConnectionState, number> {
  const out: Record<ConnectionState, number> = { online: 0, stale: 0, offline: 0, never: 0 };
  for (const d of devices) out[connectionState(d, now)]++;
  return out;
}
