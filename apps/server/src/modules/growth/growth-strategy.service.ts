import type { GrowthStrategy } from "@clusterbrain/contracts";
import { K_MIN, suppressedSum } from "../../privacy/k-anonymity.ts";
import type { GrowthPool } from "./growth.pool.ts";
import type { MarketSignalRow, RelationRow } from "./growth.repository.ts";

const RESEARCH_KINDS = new Set(["university", "institute"]);

/**
 * The strategy workbench: what the cluster has per chain node (public counts as they are, private
 * sums k-suppressed), where demand outruns in-cluster supply, and where the viewer's firm sits.
 */
export function strategy(
  pool: GrowthPool,
  signals: readonly MarketSignalRow[],
  ownRelations: readonly RelationRow[],
): GrowthStrategy {
  const orgsOn = new Map<string, string[]>();
  for (const [orgId, nodes] of pool.nodesOf)
    for (const n of nodes) orgsOn.set(n, [...(orgsOn.get(n) ?? []), orgId]);
  const latest = Math.max(...pool.indicators.map((r) => r.year), Number.NEGATIVE_INFINITY);
  const employeesOf = new Map(
    pool.indicators.filter((r) => r.year === latest).map((r) => [r.orgId, r.employees]),
  );

  const endowment = pool.nodes.map((n) => {
    const members = (orgsOn.get(n.id) ?? []).map((id) => pool.orgs.get(id)).filter((o) => o !== undefined);
    const firms = members.filter((o) => o.kind === "enterprise");
    const withEquipment = firms.filter((o) => pool.equipmentFirms.has(o.id));
    const withTalent = firms.filter((o) => employeesOf.has(o.id));
    return {
      nodeId: n.id,
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      stage: n.stage,
      firms: firms.length,
      capabilities: members.reduce((a, o) => a + o.capabilities, 0),
      institutes: members.filter((o) => RESEARCH_KINDS.has(o.kind)).length,
      equipment: suppressedSum(
        withEquipment,
        (o) => o.id,
        (o) => o.equipment,
      ),
      talent: suppressedSum(
        withTalent,
        (o) => o.id,
        (o) => employeesOf.get(o.id) ?? 0,
      ),
    };
  });

  // Market gaps in the latest year any org declared.
  const signalYear = Math.max(...signals.map((s) => s.year), Number.NEGATIVE_INFINITY);
  const products = new Map<string, MarketSignalRow[]>();
  for (const s of signals.filter((x) => x.year === signalYear))
    products.set(s.product, [...(products.get(s.product) ?? []), s]);
  const items = [...products].map(([product, rows]) => {
    const demand = suppressedSum(
      rows.filter((r) => r.side === "demand"),
      (r) => r.orgId,
      (r) => r.value,
    );
    const supply = suppressedSum(
      rows.filter((r) => r.side === "supply"),
      (r) => r.orgId,
      (r) => r.value,
    );
    return {
      product,
      nameZh: rows[0].nameZh,
      nameEn: rows[0].nameEn,
      nodeId: rows[0].nodeId,
      demand,
      supply,
      gap: demand.value !== null && supply.value !== null ? demand.value - supply.value : null,
    };
  });
  items.sort(
    (a, b) =>
      (b.gap ?? Number.NEGATIVE_INFINITY) - (a.gap ?? Number.NEGATIVE_INFINITY) ||
      a.product.localeCompare(b.product),
  );

  // The viewer's place in the chain.
  const own = pool.orgs.get(pool.viewerOrgId);
  const ownNodes = new Set(pool.nodesOf.get(pool.viewerOrgId) ?? []);
  const nodeById = new Map(pool.nodes.map((n) => [n.id, n]));
  const neighbour = (ids: Iterable<string>) =>
    [...new Set(ids)]
      .filter((id) => !ownNodes.has(id))
      .map((id) => nodeById.get(id))
      .filter((n) => n !== undefined)
      .map((n) => ({
        nodeId: n.id,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        firms: (orgsOn.get(n.id) ?? []).filter((o) => pool.orgs.get(o)?.kind === "enterprise").length,
      }));
  const isFirm = own?.kind === "enterprise";
  return {
    k: K_MIN,
    orgId: isFirm ? pool.viewerOrgId : null,
    endowment: { meaning: "growth.meaning.endowment", nodes: endowment },
    marketGaps: { meaning: "growth.meaning.marketGaps", items },
    position: {
      meaning: "growth.meaning.position",
      nodes: [...ownNodes]
        .map((id) => nodeById.get(id))
        .filter((n) => n !== undefined)
        .map((n) => ({ nodeId: n.id, nameZh: n.nameZh, nameEn: n.nameEn, stage: n.stage })),
      upstream: neighbour(pool.links.filter((l) => ownNodes.has(l.toNodeId)).map((l) => l.fromNodeId)),
      downstream: neighbour(pool.links.filter((l) => ownNodes.has(l.fromNodeId)).map((l) => l.toNodeId)),
      suppliers: new Set(
        ownRelations.filter((r) => r.customerOrgId === pool.viewerOrgId).map((r) => r.supplierOrgId),
      ).size,
      customers: new Set(
        ownRelations.filter((r) => r.supplierOrgId === pool.viewerOrgId).map((r) => r.customerOrgId),
      ).size,
    },
  };
}
