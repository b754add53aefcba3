import type { GrowthMeso, GrowthQuery } from "@clusterbrain/contracts";
import {
  couplingCoordination,
  inputOutput,
  type SupplyLink,
  supplyNetwork,
} from "@clusterbrain/engine/analytics";
import { K_MIN, suppressBelowK } from "../../privacy/k-anonymity.ts";
import { memoised } from "./growth.memo.ts";
import { type CoProjectTie, type GrowthPool, stageLabel } from "./growth.pool.ts";
import type { RelationRow } from "./growth.repository.ts";

/**
 * A relation's yearly volume in 万元 (CNY 10k), from its band: the band's LOWER bound, so flows are
 * never overstated (mid-points made intermediate purchases of some segments approach their whole
 * revenue); "< 1 M" counts as 0.1 M so a small link still weighs something.
 */
export const VOLUME_WANYUAN: Record<RelationRow["volumeBand"], number> = {
  lt1m: 10,
  "1m-10m": 100,
  "10m-50m": 1000,
  "50m-200m": 5000,
  gt200m: 20000,
};

const TOP = 10;

function stageOfOrg(pool: GrowthPool): (orgId: string) => number | undefined {
  const stageOf = new Map(pool.nodes.map((n) => [n.id, n.stage]));
  return (orgId) => {
    const main = pool.nodesOf.get(orgId)?.[0];
    return main === undefined ? undefined : stageOf.get(main);
  };
}

/** Weight of a joint-project tie in the network: as much as a 1–10 M relation. */
export const CO_PROJECT_WEIGHT = VOLUME_WANYUAN["1m-10m"];

/**
 * The year's network links: supply relations (supplier → customer, banded volume) plus one link per
 * pair of joint-project co-members (from the lower id to the higher, unless a link already joins them).
 */
export function networkLinks(
  relations: readonly RelationRow[],
  year: number | null,
  coProjects: readonly CoProjectTie[] = [],
): SupplyLink[] {
  const agg = new Map<string, SupplyLink>();
  for (const r of relations) {
    if (year !== null && r.sinceYear !== null && r.sinceYear > year) continue;
    const key = `${r.supplierOrgId}\u0001${r.customerOrgId}`;
    const prev = agg.get(key);
    const w = VOLUME_WANYUAN[r.volumeBand];
    agg.set(key, { supplier: r.supplierOrgId, customer: r.customerOrgId, weight: (prev?.weight ?? 0) + w });
  }
  for (const t of coProjects) {
    if (year !== null && t.year > year) continue;
    const key = `${t.a}\u0001${t.b}`;
    const reverse = agg.get(`${t.b}\u0001${t.a}`);
    if (reverse) continue; // a supply link joins them already; the tie adds no new edge
    const prev = agg.get(key);
    agg.set(key, { supplier: t.a, customer: t.b, weight: (prev?.weight ?? 0) + CO_PROJECT_WEIGHT });
  }
  return [...agg.values()].sort((a, b) =>
    a.supplier === b.supplier ? a.customer.localeCompare(b.customer) : a.supplier.localeCompare(b.supplier),
  );
}

/** Network figures need at least k distinct suppliers and k distinct customers behind them. */
function partiesEnough(links: readonly SupplyLink[]): boolean {
  const suppliers = new Set(links.map((l) => l.supplier)).size;
  const customers = new Set(links.map((l) => l.customer)).size;
  return Math.min(suppliers, customers) >= K_MIN;
}

export function runNetwork(links: readonly SupplyLink[]) {
  return memoised("network", links, () => supplyNetwork(links, { seed: 1 }));
}

export function meso(pool: GrowthPool, query: GrowthQuery): GrowthMeso {
  const years = [...new Set(pool.indicators.map((r) => r.year))].sort((a, b) => a - b);
  const year = query.year ?? years.at(-1) ?? null;
  const stageOf = stageOfOrg(pool);
  const stages = [...new Set(pool.nodes.map((n) => n.stage))].sort((a, b) => a - b);

  // Segment output: revenue of the consenting firms whose main node is in the stage.
  const revenue = (y: number | null, stage: number) => {
    const rows = pool.indicators.filter((r) => r.year === y && stageOf(r.orgId) === stage);
    return {
      value: rows.reduce((a, r) => a + Math.max(r.revenue, 0), 0),
      firms: new Set(rows.map((r) => r.orgId)).size,
    };
  };
  const outputs = stages.map((s) => ({ stage: s, ...revenue(year, s) }));
  const shown = outputs.filter((o) => o.firms >= K_MIN && o.value > 0);
  const index = new Map(shown.map((o, i) => [o.stage, i]));

  // Inter-segment flows from the relations in the pool (volume mid-points), suppressed below k firms.
  // A flow is shown when at least k suppliers AND k customers stand behind it, so no party can
  // subtract its own volume and read another's.
  const cell = new Map<string, { value: number; suppliers: Set<string>; customers: Set<string> }>();
  for (const r of pool.relations) {
    if (year !== null && r.sinceYear !== null && r.sinceYear > year) continue;
    const from = stageOf(r.supplierOrgId);
    const to = stageOf(r.customerOrgId);
    if (from === undefined || to === undefined) continue;
    const key = `${from}:${to}`;
    const c = cell.get(key) ?? { value: 0, suppliers: new Set<string>(), customers: new Set<string>() };
    c.value += VOLUME_WANYUAN[r.volumeBand];
    c.suppliers.add(r.supplierOrgId);
    c.customers.add(r.customerOrgId);
    cell.set(key, c);
  }
  const flows = [...cell].map(([key, c]) => {
    const [from, to] = key.split(":").map(Number);
    return { from, to, value: suppressBelowK(c.value, Math.min(c.suppliers.size, c.customers.size)) };
  });
  flows.sort((a, b) => a.from - b.from || a.to - b.to);

  let io: ReturnType<typeof inputOutput> | null = null;
  if (shown.length >= 2) {
    const table = {
      sectors: shown.map((o) => String(o.stage)),
      flows: shown.map((row) => shown.map((col) => cell.get(`${row.stage}:${col.stage}`)?.value ?? 0)),
      output: shown.map((o) => o.value),
    };
    try {
      io = memoised("io", table, () => inputOutput(table));
    } catch {
      io = null; // a singular table (flows exceeding output) leaves the multipliers out
    }
  }
  const segments = outputs.map((o) => {
    const i = index.get(o.stage);
    const [labelZh, labelEn] = stageLabel(o.stage);
    return {
      stage: o.stage,
      labelZh,
      labelEn,
      firms: o.firms,
      output: suppressBelowK(o.value, o.firms),
      outputMultiplier: io && i !== undefined ? io.outputMultipliers[i] : null,
      backward: io && i !== undefined ? io.normalisedBackward[i] : null,
      forward: io && i !== undefined ? io.normalisedForward[i] : null,
      sectorClass: io && i !== undefined ? io.sectorClass[i] : null,
    };
  });

  // Supplier network of the year.
  const links = networkLinks(pool.relations, year, pool.coProjects);
  const graphFirms = new Set(links.flatMap((l) => [l.supplier, l.customer]));
  const enough = partiesEnough(links);
  const net = enough ? runNetwork(links) : null;
  const ownNode = net?.nodes.find((n) => n.id === pool.viewerOrgId);
  const network: GrowthMeso["network"] = {
    meaning: "growth.meaning.network",
    firms: graphFirms.size,
    links: links.length,
    coProjectTies: links.length - networkLinks(pool.relations, year).length,
    density: net?.density ?? null,
    communities: net?.communities ?? null,
    modularity: net?.modularity ?? null,
    top: net
      ? [...net.nodes]
          .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
          .slice(0, TOP)
          .map((n) => ({
            ...pool.unit(n.id),
            betweenness: n.betweenness,
            degree: n.inDegree + n.outDegree,
            constraint: n.constraint,
          }))
      : [],
    own: ownNode
      ? {
          betweenness: ownNode.betweenness,
          degree: ownNode.inDegree + ownNode.outDegree,
          constraint: ownNode.constraint,
        }
      : null,
  };

  // The network over the years: links in force, density, communities, weak chain nodes.
  const feeding = new Set(pool.links.map((l) => l.fromNodeId));
  const networkYears = years.map((y) => {
    const ls = networkLinks(pool.relations, y, pool.coProjects);
    const r = partiesEnough(ls) ? runNetwork(ls) : null;
    const suppliersAt = new Map<string, Set<string>>();
    for (const rel of pool.relations) {
      if (rel.nodeId === null || (rel.sinceYear !== null && rel.sinceYear > y)) continue;
      suppliersAt.set(rel.nodeId, (suppliersAt.get(rel.nodeId) ?? new Set()).add(rel.supplierOrgId));
    }
    const weakNodes = [...feeding].filter((n) => (suppliersAt.get(n)?.size ?? 0) <= 1).length;
    return {
      year: y,
      links: ls.length,
      density: r?.density ?? null,
      communities: r?.communities ?? null,
      weakNodes,
    };
  });

  // Coupling coordination of the segments: each segment's revenue over its best year, per year.
  const coupled = stages.filter((s) => years.every((y) => revenue(y, s).firms >= K_MIN));
  const peak = new Map(coupled.map((s) => [s, Math.max(...years.map((y) => revenue(y, s).value))]));
  const coupling = years.map((y) => {
    if (coupled.length < 2) return { year: y, C: null, T: null, D: null, levelZh: null, levelEn: null };
    const scores = coupled.map((s) => {
      const p = peak.get(s) ?? 0;
      return p > 0 ? revenue(y, s).value / p : 0;
    });
    const c = couplingCoordination(scores);
    return { year: y, C: c.C, T: c.T, D: c.D, levelZh: c.level.zh, levelEn: c.level.en };
  });

  return {
    k: K_MIN,
    year,
    io: { meaning: "growth.meaning.io", segments, flows },
    network,
    networkYears: { meaning: "growth.meaning.networkYears", years: networkYears },
    coupling: { meaning: "growth.meaning.coupling", years: coupling },
  };
}
