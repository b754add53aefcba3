import { type GrowthMacro, type GrowthQuery, schematicNeighbours } from "@clusterbrain/contracts";
import {
  buildWeights,
  localMoran,
  locationQuotient,
  moranI,
  shiftShare,
} from "@clusterbrain/engine/analytics";
import { K_MIN, suppressBelowK, suppressedSum } from "../../privacy/k-anonymity.ts";
import { memoised } from "./growth.memo.ts";
import type { GrowthPool } from "./growth.pool.ts";
import type { IndicatorRow } from "./growth.repository.ts";

const MIN_SPATIAL_UNITS = 4;
const PERMUTATIONS = 999;

/** The spatial variable: patents granted per 100 employees of a district's consenting firms. */
function patentsPer100(rows: readonly IndicatorRow[]): number {
  const emp = rows.reduce((a, r) => a + r.employees, 0);
  return emp > 0 ? (100 * rows.reduce((a, r) => a + r.patents, 0)) / emp : 0;
}

/** District values shown (k ≥ 3 firms) and the engine's Moran / LISA over them, schematic contiguity. */
export function spatialOf(byDistrict: Map<string, IndicatorRow[]>) {
  const neighbours = schematicNeighbours();
  const ids = [...byDistrict.keys()]
    .filter((d) => neighbours.has(d) && new Set(byDistrict.get(d)?.map((r) => r.orgId)).size >= K_MIN)
    .sort();
  if (ids.length < MIN_SPATIAL_UNITS) return null;
  const y = ids.map((d) => patentsPer100(byDistrict.get(d) ?? []));
  const kept = new Set(ids);
  const links = new Map(ids.map((d) => [d, (neighbours.get(d) ?? []).filter((n) => kept.has(n))]));
  const w = buildWeights(ids, links, "r");
  return memoised("spatial", { ids, y }, () => ({
    ids,
    y,
    moran: moranI(y, w, { permutations: PERMUTATIONS, seed: 1 }),
    lisa: localMoran(y, w, { permutations: PERMUTATIONS, seed: 1 }),
  }));
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export function macro(pool: GrowthPool, query: GrowthQuery): GrowthMacro {
  const years = [...new Set(pool.indicators.map((r) => r.year))].sort((a, b) => a - b);
  const year = query.year ?? years.at(-1) ?? null;
  const districtOf = (id: string) => pool.orgs.get(id)?.district ?? "";
  const industryOf = (id: string) =>
    pool.orgs
      .get(id)
      ?.industryCode.replace(/^[A-Z]/, "")
      .slice(0, 4) ?? "";
  const rows = pool.indicators.filter((r) => r.year === year && districtOf(r.orgId) !== "");
  const districts = [
    ...new Set([...pool.orgs.values()].filter((o) => o.kind === "enterprise").map((o) => o.district)),
  ]
    .filter((d) => d !== "")
    .sort();
  const firmsIn = (rs: readonly IndicatorRow[]) => new Set(rs.map((r) => r.orgId)).size;

  // Location quotients of employment, district × industry, against the whole cluster.
  const industries = [...new Set(rows.map((r) => industryOf(r.orgId)))].filter((i) => i !== "").sort();
  const total = rows.reduce((a, r) => a + r.employees, 0);
  const cells: GrowthMacro["lq"]["cells"] = [];
  for (const d of districts) {
    const inD = rows.filter((r) => districtOf(r.orgId) === d);
    const ej = inD.reduce((a, r) => a + r.employees, 0);
    for (const ind of industries) {
      const cell = inD.filter((r) => industryOf(r.orgId) === ind);
      const ei = rows.filter((r) => industryOf(r.orgId) === ind).reduce((a, r) => a + r.employees, 0);
      const eij = cell.reduce((a, r) => a + r.employees, 0);
      const n = firmsIn(cell);
      const lq = n >= K_MIN && ej > 0 && ei > 0 && total > 0 ? locationQuotient(eij, ej, ei, total) : 0;
      cells.push({ district: d, industry: ind, lq: suppressBelowK(lq, n) });
    }
  }

  // Shift-share of revenue from the first year to the chosen one, each district against the cluster.
  const from = years[0] ?? null;
  const start = pool.indicators.filter((r) => r.year === from);
  const sum = (rs: readonly IndicatorRow[], ind: string) =>
    rs.filter((r) => industryOf(r.orgId) === ind).reduce((a, r) => a + Math.max(r.revenue, 0), 0);
  const ssRows: GrowthMacro["shiftShare"]["rows"] = districts.map((d) => {
    const ds = start.filter((r) => districtOf(r.orgId) === d);
    const de = rows.filter((r) => districtOf(r.orgId) === d);
    const n = Math.min(firmsIn(ds), firmsIn(de));
    if (from === null || year === null || from === year || n < K_MIN || industries.length === 0) {
      const none = suppressBelowK(0, n < K_MIN ? n : 0);
      return { district: d, national: none, mix: none, competitive: none, total: none };
    }
    const r = shiftShare({
      industries,
      regionStart: industries.map((i) => sum(ds, i)),
      regionEnd: industries.map((i) => sum(de, i)),
      nationStart: industries.map((i) => sum(start, i)),
      nationEnd: industries.map((i) => sum(rows, i)),
    });
    return {
      district: d,
      national: suppressBelowK(r.total.nationalShare, n),
      mix: suppressBelowK(r.total.industryMix, n),
      competitive: suppressBelowK(r.total.competitive, n),
      total: suppressBelowK(r.total.totalChange, n),
    };
  });

  // Moran's I and LISA of patents per 100 employees over the districts shown.
  const byDistrict = groupBy(rows, (r) => districtOf(r.orgId));
  const spatial = spatialOf(byDistrict);
  const lisaOf = new Map(spatial?.lisa.map((u) => [u.id, u]) ?? []);
  const units: GrowthMacro["lisa"]["units"] = districts.map((d) => {
    const rs = byDistrict.get(d) ?? [];
    const u = lisaOf.get(d);
    return {
      district: d,
      value: suppressBelowK(patentsPer100(rs), firmsIn(rs)),
      Ii: u?.Ii ?? null,
      p: u?.p ?? null,
      cluster: u ? u.cluster : "not available",
    };
  });

  // Spillover over the years: spatial autocorrelation of innovation and the cluster's intensities.
  const spillover = years.map((y) => {
    const ry = pool.indicators.filter((r) => r.year === y && districtOf(r.orgId) !== "");
    const sp = spatialOf(groupBy(ry, (r) => districtOf(r.orgId)));
    const n = firmsIn(ry);
    const revenue = ry.reduce((a, r) => a + Math.max(r.revenue, 0), 0);
    return {
      year: y,
      moranI: sp?.moran.I ?? null,
      p: sp?.moran.permutation?.p ?? null,
      patentsPer100: suppressBelowK(patentsPer100(ry), n),
      rdIntensity:
        revenue > 0
          ? suppressedSum(
              ry,
              (r) => r.orgId,
              (r) => r.rdSpend / revenue,
            )
          : suppressBelowK(0, n),
    };
  });

  return {
    k: K_MIN,
    year,
    districts,
    lq: { meaning: "growth.meaning.lq", industries, cells },
    shiftShare: { meaning: "growth.meaning.shiftShare", from, to: year, rows: ssRows },
    moran: {
      meaning: "growth.meaning.moran",
      variable: "patentsPer100",
      I: spatial?.moran.I ?? null,
      expected: spatial?.moran.expected ?? null,
      p: spatial?.moran.permutation?.p ?? null,
      districtsUsed: spatial?.ids.length ?? 0,
    },
    lisa: { meaning: "growth.meaning.lisa", geometry: "schematic", units },
    spillover: { meaning: "growth.meaning.spillover", years: spillover },
  };
}
