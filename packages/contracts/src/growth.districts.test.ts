import { describe, expect, it } from "vitest";
import { JIAXING_SCHEMATIC, schematicGeoJson, schematicNeighbours } from "./growth.districts.ts";

describe("schematic Jiaxing districts", () => {
  it("rook contiguity is symmetric and leaves no district alone", () => {
    const nb = schematicNeighbours();
    expect(nb.size).toBe(8);
    for (const [a, list] of nb) {
      expect(list.length, a).toBeGreaterThan(0);
      for (const b of list) expect(nb.get(b), `${b} → ${a}`).toContain(a);
    }
  });

  it("Nanhu touches the zone, Jiashan, Pinghu and Haiyan; a corner is not a neighbour", () => {
    const nb = schematicNeighbours();
    expect([...(nb.get("南湖区") ?? [])].sort()).toEqual(
      ["嘉兴经济技术开发区", "嘉善县", "平湖市", "海盐县"].sort(),
    );
    expect(nb.get("南湖区")).not.toContain("秀洲区");
  });

  it("the GeoJSON has one closed polygon per district, named as the server names districts", () => {
    const geo = schematicGeoJson();
    expect(geo.features.map((f) => f.properties.name)).toEqual(JIAXING_SCHEMATIC.map((d) => d.nameZh));
    for (const f of geo.features) {
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring.at(-1));
      expect(f.properties.schematic).toBe(true);
    }
  });
});
