import type { AssetTree, Device } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { connectionState, nestAssets, stateCounts } from "./asset-tree.ts";

const device = (over: Partial<Device>): Device => ({
  id: "d1",
  machineId: "m1",
  name: "PLC",
  online: false,
  lastSeenAt: null,
  connectionChangedAt: null,
  username: null,
  ...over,
});

describe("asset tree", () => {
  it("nests sites, lines, machines, devices and tags by parent id", () => {
    const tree: AssetTree = {
      sites: [{ id: "s1", name: "一厂", location: "" }],
      lines: [
        { id: "l1", siteId: "s1", name: "SMT" },
        { id: "l2", siteId: "s1", name: "绕线" },
      ],
      machines: [{ id: "m1", lineId: "l1", name: "炉", processType: "reflow" }],
      devices: [device({})],
      tags: [
        {
          id: "t1",
          deviceId: "d1",
          key: "zone1/temp",
          unit: "°C",
          dataType: "number",
          low: 1,
          high: 2,
          samplingMs: 1000,
          spc: { enabled: false },
        },
      ],
    };
    const [site] = nestAssets(tree);
    expect(site.children.map((l) => l.name)).toEqual(["SMT", "绕线"]);
    const tag = site.children[0].children[0].children[0].children[0];
    expect(tag).toMatchObject({ key: "tag:t1", kind: "tag", name: "zone1/temp" });
    expect(site.children[1].children).toEqual([]);
  });

  it("tells online, stale, offline and never-seen devices apart", () => {
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(connectionState(device({}), now)).toBe("never");
    expect(connectionState(device({ online: true, lastSeenAt: "2026-12-07T09:59:30Z" }), now)).toBe("online");
    expect(connectionState(device({ online: true, lastSeenAt: "2026-12-07T09:58:00Z" }), now)).toBe("stale");
    expect(connectionState(device({ online: false, lastSeenAt: "2026-12-07T09:59:59Z" }), now)).toBe(
      "offline",
    );
    expect(
      stateCounts([device({}), device({ online: true, lastSeenAt: "2026-12-07T09:59:59Z" })], now),
    ).toEqual({
      online: 1,
      stale: 0,
      offline: 0,
      never: 1,
    });
  });
});
