import type { Segment, SegmentFilter } from "@clusterbrain/contracts";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import type { ConsentedHospital, EquipmentRow } from "./marketing.repository.ts";

/** Whether a device matches the filter's device type (case-insensitive substring) and minimum age. */
function deviceMatches(e: EquipmentRow, filter: SegmentFilter, year: number): boolean {
  if (filter.deviceType && !e.deviceType.toLowerCase().includes(filter.deviceType.toLowerCase()))
    return false;
  return filter.minAgeYears === undefined || year - e.installYear >= filter.minAgeYears;
}

/**
 * A segment: the consenting hospitals matching the filter (hospital level/county, then at least one
 * matching device when a device filter is set), and aggregates over them withheld below k hospitals.
 */
export function buildSegment(
  hospitals: readonly ConsentedHospital[],
  equipment: readonly EquipmentRow[],
  filter: SegmentFilter,
  year: number,
): Segment {
  const deviceFilter = filter.deviceType !== undefined || filter.minAgeYears !== undefined;
  const rows = hospitals
    .filter((h) => filter.county === undefined || h.county === filter.county)
    .filter((h) => filter.level === undefined || h.level === filter.level)
    .map((h) => ({
      h,
      devices: equipment.filter((e) => e.orgId === h.orgId && deviceMatches(e, filter, year)),
    }))
    .filter((r) => !deviceFilter || r.devices.length > 0);
  const n = rows.length;
  const all = rows.flatMap((r) => r.devices);
  const count = all.reduce((s, e) => s + e.count, 0);
  const ageSum = all.reduce((s, e) => s + e.count * (year - e.installYear), 0);
  return {
    k: K_MIN,
    filter,
    hospitals: rows.map(({ h, devices }) => ({
      orgId: h.orgId,
      nameZh: h.nameZh,
      nameEn: h.nameEn,
      level: h.level,
      county: h.county,
      devices: devices.reduce((s, e) => s + e.count, 0),
      oldestInstallYear: devices.length ? Math.min(...devices.map((e) => e.installYear)) : null,
    })),
    aggregate: {
      devices: suppressBelowK(count, n),
      meanAgeYears: suppressBelowK(count ? Math.round((ageSum / count) * 10) / 10 : 0, n),
      usageHours: suppressBelowK(
        all.reduce((s, e) => s + e.usageHours, 0),
        n,
      ),
    },
  };
}
