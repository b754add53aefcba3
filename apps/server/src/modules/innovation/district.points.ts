import type { GeoPoint } from "@clusterbrain/engine/match";

/**
 * Approximate seats of Jiaxing's county-level divisions (as orgs store their district, in
 * Chinese), so a match can say how far apart two orgs are. Orgs elsewhere get no distance.
 */
const POINTS: Readonly<Record<string, GeoPoint>> = {
  嘉兴经济技术开发区: { lat: 30.7366, lon: 120.7807 },
  南湖区: { lat: 30.7471, lon: 120.7835 },
  秀洲区: { lat: 30.7634, lon: 120.7093 },
  嘉善县: { lat: 30.8309, lon: 120.9256 },
  海盐县: { lat: 30.5262, lon: 120.946 },
  海宁市: { lat: 30.5097, lon: 120.6808 },
  平湖市: { lat: 30.676, lon: 121.0155 },
  桐乡市: { lat: 30.6305, lon: 120.565 },
};

export function districtPoint(district: string): GeoPoint | undefined {
  return POINTS[district.trim()];
}
