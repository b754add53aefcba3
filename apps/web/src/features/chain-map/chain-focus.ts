import type { ChainMapResponse } from "@clusterbrain/contracts";

export type StageBand = "upstream" | "midstream" | "downstream";

/**
 * Upstream, midstream or downstream for a chain stage: the stages in order, split in thirds
 * (five stages: materials and components upstream, modules and devices midstream, users downstream).
 */
export function stageBand(stage: number, stages: readonly number[]): StageBand {
  const ordered = [...new Set(stages)].sort((a, b) => a - b);
  const i = ordered.indexOf(stage);
  const n = ordered.length;
  if (n <= 1 || i < n / 3) return "upstream";
  if (i >= (2 * n) / 3) return "downstream";
  return "midstream";
}

/** The first stage of each band, where the band's heading goes. */
export function bandStarts(stages: readonly number[]): Map<number, StageBand> {
  const ordered = [...new Set(stages)].sort((a, b) => a - b);
  const out = new Map<number, StageBand>();
  let last: StageBand | undefined;
  for (const s of ordered) {
    const band = stageBand(s, ordered);
    if (band !== last) out.set(s, band);
    last = band;
  }
  return out;
}

/** Nodes linked to `nodeId` either way (what a highlighted node keeps visible). */
export function adjacentNodes(map: ChainMapResponse, nodeId: string): Set<string> {
  const out = new Set<string>([nodeId]);
  for (const e of map.edges) {
    if (e.fromNodeId === nodeId) out.add(e.toNodeId);
    if (e.toNodeId === nodeId) out.add(e.fromNodeId);
  }
  return out;
}

/**
 * Where supply for a weak node could come from inside the cluster: nodes of the same parent (similar
 * products), nodes that feed the same customers (substitutes) and the nodes that feed it, the ones
 * with most firms first; never the node itself.
 */
export function neighbourCandidates(map: ChainMapResponse, nodeId: string, limit = 3): string[] {
  const node = map.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const feeding = new Set(map.edges.filter((e) => e.toNodeId === nodeId).map((e) => e.fromNodeId));
  const customers = new Set(map.edges.filter((e) => e.fromNodeId === nodeId).map((e) => e.toNodeId));
  const substitutes = new Set(map.edges.filter((e) => customers.has(e.toNodeId)).map((e) => e.fromNodeId));
  const near = (n: (typeof map.nodes)[number]) =>
    (node.parentId !== null && n.parentId === node.parentId) || feeding.has(n.id) || substitutes.has(n.id);
  return map.nodes
    .filter((n) => n.id !== nodeId && near(n))
    .filter((n) => n.firmCount > 0)
    .sort((a, b) => b.firmCount - a.firmCount || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map((n) => n.id);
}

/** Nodes whose name (either language) or code contains the text, for the search box. */
export function matchNodes(map: ChainMapResponse, text: string): string[] {
  const q = text.trim().toLowerCase();
  if (q === "") return [];
  return map.nodes
    .filter((n) => [n.nameZh, n.nameEn, n.code].some((s) => s.toLowerCase().includes(q)))
    .map((n) => n.id);
}
