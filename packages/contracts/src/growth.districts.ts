/**
 * SCHEMATIC geometry of Jiaxing's county-level divisions (and the development zone) for the LISA
 * map: each is an axis-aligned rectangle in longitude/latitude placed roughly where it lies. It is
 * NOT surveyed boundary data (none is available offline); the web labels the map "schematic".
 * The server derives the spatial weights (rook contiguity: rectangles sharing an edge) from the
 * same rectangles, so the map and Moran's I always agree on who neighbours whom.
 */
export interface SchematicDistrict {
  nameZh: string;
  nameEn: string;
  /** [west, south, east, north] in degrees. */
  box: readonly [number, number, number, number];
}

export const JIAXING_SCHEMATIC: readonly SchematicDistrict[] = [
  { nameZh: "桐乡市", nameEn: "Tongxiang", box: [120.45, 30.6, 120.6, 30.9] },
  { nameZh: "秀洲区", nameEn: "Xiuzhou", box: [120.6, 30.75, 120.75, 30.9] },
  { nameZh: "嘉善县", nameEn: "Jiashan", box: [120.75, 30.75, 121.05, 30.9] },
  { nameZh: "嘉兴经济技术开发区", nameEn: "Development Zone", box: [120.6, 30.6, 120.75, 30.75] },
  { nameZh: "南湖区", nameEn: "Nanhu", box: [120.75, 30.6, 120.9, 30.75] },
  { nameZh: "平湖市", nameEn: "Pinghu", box: [120.9, 30.45, 121.05, 30.75] },
  { nameZh: "海宁市", nameEn: "Haining", box: [120.45, 30.45, 120.75, 30.6] },
  { nameZh: "海盐县", nameEn: "Haiyan", box: [120.75, 30.45, 120.9, 30.6] },
];

const EPS = 1e-9;
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0) > EPS;

/** Rook contiguity: two rectangles that share an edge of positive length. */
export function schematicNeighbours(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of JIAXING_SCHEMATIC) {
    const [aw, as, ae, an] = a.box;
    const list: string[] = [];
    for (const b of JIAXING_SCHEMATIC) {
      if (a === b) continue;
      const [bw, bs, be, bn] = b.box;
      const vertical = (Math.abs(ae - bw) < EPS || Math.abs(be - aw) < EPS) && overlap(as, an, bs, bn);
      const horizontal = (Math.abs(an - bs) < EPS || Math.abs(bn - as) < EPS) && overlap(aw, ae, bw, be);
      if (vertical || horizontal) list.push(b.nameZh);
    }
    out.set(a.nameZh, list);
  }
  return out;
}

/** The schematic as GeoJSON (one rectangle polygon per district, `name` = the Chinese name). */
export function schematicGeoJson() {
  return {
    type: "FeatureCollection" as const,
    features: JIAXING_SCHEMATIC.map((d) => {
      const [w, s, e, n] = d.box;
      return {
        type: "Feature" as const,
        properties: { name: d.nameZh, nameEn: d.nameEn, schematic: true },
        geometry: {
          type: "Polygon" as const,
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      };
    }),
  };
}
