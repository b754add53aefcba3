import type { GrowthMicro, GrowthQuery } from "@clusterbrain/contracts";
import {
  bcc,
  ccr,
  competitiveness,
  entropyWeights,
  type FirmIndicators,
  type Indicator,
  malmquist,
  normaliseIndicators,
  sbm,
  superEfficiency,
  topsis,
} from "@clusterbrain/engine/analytics";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import { memoised } from "./growth.memo.ts";
import type { GrowthPool } from "./growth.pool.ts";
import type { IndicatorRow } from "./growth.repository.ts";

export const DEA_INPUTS = ["employees", "fixedAssets", "rdSpend"] as const;
export const DEA_OUTPUTS = ["revenue", "patents"] as const;

export const TOPSIS_INDICATORS: Indicator[] = [
  { key: "revenue", direction: "benefit", zh: "营业收入", en: "Revenue" },
  { key: "profit", direction: "benefit", zh: "利润", en: "Profit" },
  { key: "patents", direction: "benefit", zh: "授权专利", en: "Patents" },
  { key: "exports", direction: "benefit", zh: "出口额", en: "Exports" },
  { key: "rdIntensity", direction: "benefit", zh: "研发强度", en: "R&D intensity" },
  { key: "energyPerRevenue", direction: "cost", zh: "单位营收能耗", en: "Energy per revenue" },
];

export function topsisValues(r: IndicatorRow): number[] {
  const revenue = Math.max(r.revenue, 0);
  return [
    revenue,
    r.profit,
    r.patents,
    r.exports,
    revenue > 0 ? r.rdSpend / revenue : 0,
    revenue > 0 ? r.energyUse / revenue : 0,
  ];
}

/** A row the DEA can take: at least one positive input and one positive output. */
function deaUsable(r: IndicatorRow): boolean {
  return (
    DEA_INPUTS.some((k) => r[k] > 0) &&
    DEA_OUTPUTS.some((k) => r[k] > 0) &&
    DEA_INPUTS.every((k) => r[k] >= 0)
  );
}

export function deaData(rows: readonly IndicatorRow[]) {
  return {
    inputs: rows.map((r) => DEA_INPUTS.map((k) => r[k])),
    outputs: rows.map((r) => DEA_OUTPUTS.map((k) => Math.max(r[k], 0))),
    units: rows.map((r) => r.orgId),
  };
}

/** The engine's DEA on one year's rows (what the dashboard shows; tests compare against it). */
export function runDea(rows: readonly IndicatorRow[]) {
  const data = deaData(rows);
  return memoised("dea", data, () => {
    const c = ccr(data);
    const b = bcc(data);
    const s = sbm(data);
    const sup = superEfficiency(data, { scores: c.units.map((u) => u.score) });
    return { c, b, s, sup };
  });
}

const geoMean = (xs: readonly number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

/** The rows a year's DEA runs on: usable firm-years of the pool, in a stable order. */
export function deaYearRows(pool: GrowthPool, wanted: number | undefined): IndicatorRow[] {
  const years = [...new Set(pool.indicators.map((r) => r.year))].sort((a, b) => a - b);
  const year = wanted ?? years.at(-1) ?? null;
  return pool.indicators
    .filter((r) => r.year === year && deaUsable(r))
    .sort((a, b) => a.orgId.localeCompare(b.orgId));
}

export function micro(pool: GrowthPool, query: GrowthQuery): GrowthMicro {
  const years = [...new Set(pool.indicators.map((r) => r.year))].sort((a, b) => a - b);
  const year = query.year ?? years.at(-1) ?? null;
  const rows = deaYearRows(pool, query.year);
  const n = rows.length;
  const enough = n >= K_MIN;
  const viewer = pool.viewerOrgId;
  const meanning = (key: string) => `growth.meaning.${key}`;

  // DEA (CCR / BCC / SBM, super-efficiency) with peers and targets.
  let deaUnits: GrowthMicro["dea"]["units"] = [];
  let meanCcr = suppressBelowK(0, n);
  let efficientShare = suppressBelowK(0, n);
  const ccrOf = new Map<string, number>();
  if (enough) {
    const { c, b, s, sup } = runDea(rows);
    for (const [i, u] of c.units.entries()) ccrOf.set(rows[i].orgId, u.score);
    meanCcr = suppressBelowK(mean(c.units.map((u) => u.score)), n);
    efficientShare = suppressBelowK(c.units.filter((u) => u.efficient).length / n, n);
    deaUnits = c.units.map((u, i) => {
      const id = rows[i].orgId;
      const mayTarget = pool.named.has(id);
      return {
        ...pool.unit(id),
        ccr: u.score,
        bcc: b.units[i].score,
        scale: b.units[i].score > 0 ? u.score / b.units[i].score : 0,
        sbm: s.units[i].efficiency,
        superEfficiency: sup.units[i].efficiency,
        peers: u.peers.map((p) => ({ label: pool.unit(p.unit).label, weight: p.weight })),
        targets: mayTarget
          ? DEA_INPUTS.map((name, k) => ({ name, actual: rows[i][name], target: u.targetsX[k] }))
          : null,
      };
    });
  }

  // Malmquist over the balanced panel of firms present (and usable) in every year.
  const byYear = new Map<number, Map<string, IndicatorRow>>();
  for (const r of pool.indicators) {
    if (!deaUsable(r)) continue;
    const m = byYear.get(r.year) ?? new Map<string, IndicatorRow>();
    m.set(r.orgId, r);
    byYear.set(r.year, m);
  }
  const panelIds = [...(byYear.get(years[0]) ?? new Map()).keys()]
    .filter((id) => years.every((y) => byYear.get(y)?.has(id)))
    .sort();
  const malmPeriods: GrowthMicro["malmquist"]["periods"] = [];
  const malmOwn: GrowthMicro["malmquist"]["own"] = [];
  if (years.length >= 2 && panelIds.length >= K_MIN) {
    const panel = {
      periods: years.map(String),
      data: years.map((y) => deaData(panelIds.map((id) => byYear.get(y)?.get(id) as IndicatorRow))),
    };
    const out = memoised("malmquist", panel, () => malmquist(panel));
    for (let t = 0; t + 1 < years.length; t++) {
      const slice = out.filter((r) => r.from === String(years[t]));
      const k = slice.length;
      malmPeriods.push({
        from: years[t],
        to: years[t + 1],
        M: suppressBelowK(geoMean(slice.map((r) => r.M)), k),
        EC: suppressBelowK(geoMean(slice.map((r) => r.EC)), k),
        TC: suppressBelowK(geoMean(slice.map((r) => r.TC)), k),
      });
      const own = slice.find((r) => r.unit === viewer);
      if (own) malmOwn.push({ from: years[t], to: years[t + 1], M: own.M, EC: own.EC, TC: own.TC });
    }
  }

  // Entropy-TOPSIS ranking over the year's firms.
  let topsisWeights: GrowthMicro["topsis"]["weights"] = [];
  let topsisUnits: GrowthMicro["topsis"]["units"] = [];
  if (enough) {
    const values = rows.map(topsisValues);
    const norm = normaliseIndicators(values, TOPSIS_INDICATORS);
    const w = entropyWeights(norm).weights;
    const t = topsis(norm, w);
    topsisWeights = TOPSIS_INDICATORS.map((ind, j) => ({ key: ind.key, weight: w[j] }));
    topsisUnits = rows
      .map((r, i) => ({ ...pool.unit(r.orgId), closeness: t.closeness[i], rank: t.rank[i] }))
      .sort((a, b) => a.rank - b.rank);
  }

  // Peer benchmarking by size band and by main chain node (competitiveness within each group).
  const firms: FirmIndicators[] = rows.map((r) => ({
    id: r.orgId,
    chainNode: pool.nodesOf.get(r.orgId)?.[0] ?? "(none)",
    sizeBand: pool.orgs.get(r.orgId)?.sizeBand,
    values: topsisValues(r),
  }));
  const nodeName = new Map(pool.nodes.map((nd) => [nd.id, [nd.nameZh, nd.nameEn] as const]));
  const groups: GrowthMicro["peerBench"]["groups"] = [];
  for (const by of ["sizeBand", "chainNode"] as const) {
    if (firms.length === 0) continue;
    const result = competitiveness(firms, TOPSIS_INDICATORS, { groupBy: [by] });
    const members = new Map<string, typeof result.firms>();
    for (const f of result.firms) members.set(f.group, [...(members.get(f.group) ?? []), f]);
    for (const [key, list] of members) {
      const k = list.length;
      const own = list.find((f) => f.id === viewer);
      const [labelZh, labelEn] =
        by === "chainNode" ? (nodeName.get(key) ?? [key, key]) : [`size.${key}`, `size.${key}`];
      groups.push({
        by,
        key,
        labelZh,
        labelEn,
        firms: k,
        meanCloseness: suppressBelowK(mean(list.map((f) => f.score)), k),
        meanCcr: suppressBelowK(mean(list.map((f) => ccrOf.get(f.id) ?? 0)), k),
        // A rank among fewer than k firms would tell the viewer about the one or two others.
        ownCloseness: own && k >= K_MIN ? own.score : null,
        ownRank: own && k >= K_MIN ? own.rank : null,
      });
    }
  }
  groups.sort((a, b) => a.by.localeCompare(b.by) || b.firms - a.firms || a.key.localeCompare(b.key));

  return {
    k: K_MIN,
    year,
    years,
    contributors: pool.indicatorFirms.size,
    dea: {
      meaning: meanning("dea"),
      inputs: [...DEA_INPUTS],
      outputs: [...DEA_OUTPUTS],
      suppressed: !enough,
      meanCcr,
      efficientShare,
      units: deaUnits,
    },
    malmquist: { meaning: meanning("malmquist"), periods: malmPeriods, own: malmOwn },
    topsis: { meaning: meanning("topsis"), weights: topsisWeights, units: topsisUnits },
    peerBench: { meaning: meanning("peerBench"), groups },
  };
}
