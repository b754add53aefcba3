import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { density } from "graphology-metrics/graph/density.js";
import { mulberry32 } from "../../shared/random.ts";
import { AnalyticsError } from "../errors.ts";

/** One supplier→customer link; weight is e.g. annual purchase value (default 1). */
export interface SupplyLink {
  supplier: string;
  customer: string;
  weight?: number;
}

export interface NodeMetrics {
  id: string;
  inDegree: number;
  outDegree: number;
  /** Weighted in/out strength (sum of link weights). */
  inStrength: number;
  outStrength: number;
  /** Shortest-path betweenness on the directed graph, normalised by (n−1)(n−2). */
  betweenness: number;
  community: number;
  /** Burt's (1992) aggregate constraint; low = the firm spans structural holes. */
  constraint: number;
  /** Burt's effective size of the ego network (non-redundant contacts). */
  effectiveSize: number;
}

export interface NetworkResult {
  nodes: NodeMetrics[];
  /** Directed density m / (n(n−1)). */
  density: number;
  communities: number;
  modularity: number;
}

/**
 * Burt's constraint and effective size from proportional tie strengths on the symmetrised graph:
 * p_ij = (a_ij + a_ji) / Σ_q (a_iq + a_qi); c_i = Σ_j (p_ij + Σ_{q≠i,j} p_iq p_qj)²;
 * effective size ES_i = Σ_j (1 − Σ_{q≠i,j} p_iq m_jq), m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj).
 * An isolated node gets constraint 0 and effective size 0 (it has no contacts to be constrained by).
 */
function structuralHoles(
  ids: string[],
  sym: Map<string, Map<string, number>>,
): Map<string, [number, number]> {
  const p = new Map<string, Map<string, number>>();
  const mx = new Map<string, Map<string, number>>();
  for (const id of ids) {
    const row = sym.get(id) ?? new Map<string, number>();
    let total = 0;
    let largest = 0;
    for (const v of row.values()) {
      total += v;
      largest = Math.max(largest, v);
    }
    p.set(id, new Map([...row].map(([k, v]) => [k, total > 0 ? v / total : 0])));
    mx.set(id, new Map([...row].map(([k, v]) => [k, largest > 0 ? v / largest : 0])));
  }
  const out = new Map<string, [number, number]>();
  for (const i of ids) {
    const pi = p.get(i)!;
    let constraint = 0;
    let effective = 0;
    for (const [j, pij] of pi) {
      let indirect = 0;
      let redundancy = 0;
      for (const [q, piq] of pi) {
        if (q === j) continue;
        indirect += piq * (p.get(q)?.get(j) ?? 0);
        redundancy += piq * (mx.get(j)?.get(q) ?? 0);
      }
      constraint += (pij + indirect) ** 2;
      effective += 1 - redundancy;
    }
    out.set(i, [constraint, effective]);
  }
  return out;
}

/** Metrics of the supplier→customer network; Louvain communities are seeded so results repeat. */
export function supplyNetwork(links: readonly SupplyLink[], options: { seed?: number } = {}): NetworkResult {
  const g = new Graph({ type: "directed", allowSelfLoops: false, multi: false });
  links.forEach((l, k) => {
    const w = l.weight ?? 1;
    if (!l.supplier || !l.customer) {
      throw new AnalyticsError("INVALID_INPUT", `link ${k + 1} lacks a supplier or customer`, { row: k + 1 });
    }
    if (!Number.isFinite(w) || w <= 0) {
      throw new AnalyticsError("INVALID_INPUT", `link ${k + 1} has weight ${w}; weights must be > 0`, {
        row: k + 1,
      });
    }
    if (l.supplier === l.customer) return;
    g.mergeNode(l.supplier);
    g.mergeNode(l.customer);
    const prev = g.hasEdge(l.supplier, l.customer)
      ? (g.getEdgeAttribute(l.supplier, l.customer, "weight") as number)
      : 0;
    g.mergeEdge(l.supplier, l.customer, { weight: prev + w });
  });
  const ids = g.nodes();
  const n = ids.length;
  const between = n > 0 ? betweennessCentrality(g, { normalized: false, getEdgeWeight: null }) : {};
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  const sym = new Map<string, Map<string, number>>();
  g.forEachEdge((_e, attr, s, t) => {
    const w = attr.weight as number;
    for (const [a, b] of [
      [s, t],
      [t, s],
    ]) {
      let row = sym.get(a);
      if (!row) {
        row = new Map();
        sym.set(a, row);
      }
      row.set(b, (row.get(b) ?? 0) + w);
    }
  });
  const holes = structuralHoles(ids, sym);
  let communities: Record<string, number> = {};
  let count = 0;
  let modularity = 0;
  if (g.size > 0) {
    // Louvain on the undirected projection: communities of firms that trade with one another.
    const u = new Graph({ type: "undirected" });
    for (const id of ids) u.addNode(id);
    for (const [a, row] of sym) for (const [b, w] of row) if (a < b) u.addEdge(a, b, { weight: w });
    const res = louvain.detailed(u, { getEdgeWeight: "weight", rng: mulberry32(options.seed ?? 42) });
    communities = res.communities;
    count = res.count;
    modularity = res.modularity;
  } else {
    ids.forEach((id, i) => {
      communities[id] = i;
    });
    count = n;
  }
  const nodes = ids.map((id): NodeMetrics => {
    let inStrength = 0;
    let outStrength = 0;
    g.forEachInEdge(id, (_e, a) => {
      inStrength += a.weight as number;
    });
    g.forEachOutEdge(id, (_e, a) => {
      outStrength += a.weight as number;
    });
    const [constraint, effectiveSize] = holes.get(id) ?? [0, 0];
    return {
      id,
      inDegree: g.inDegree(id),
      outDegree: g.outDegree(id),
      inStrength,
      outStrength,
      betweenness: (between[id] ?? 0) * scale,
      community: communities[id] ?? 0,
      constraint,
      effectiveSize,
    };
  });
  return { nodes, density: n > 1 ? density(g) : 0, communities: count, modularity };
}
