import { createHash } from "node:crypto";
import type { GrowthUnit } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import {
  type CoProjectMemberRow,
  type GrowthOrg,
  GrowthRepository,
  type IndicatorRow,
  type RelationRow,
} from "./growth.repository.ts";

type ChainNode = Awaited<ReturnType<GrowthRepository["nodes"]>>[number];

/**
 * Whose data one viewer's growth figures are computed from, and how each firm is shown.
 * - A firm's private data (indicators, relations, equipment) enters only through an active grant:
 *   to the cluster operator (the firm's consent to the cluster's analytics) or to the viewer itself;
 *   the viewer's own data always enters.
 * - The viewer may NAME a firm only if it is its own or the firm granted the viewer that class; the
 *   operator therefore names every consenting firm, a firm sees its peers as pseudonyms.
 */
export interface GrowthPool {
  viewerOrgId: string;
  orgs: Map<string, GrowthOrg>;
  nodes: ChainNode[];
  links: { fromNodeId: string; toNodeId: string }[];
  nodesOf: Map<string, string[]>;
  /** Enterprises whose indicators are in the analysis. */
  indicatorFirms: Set<string>;
  /** Orgs whose recorded relations are in the analysis. */
  relationFirms: Set<string>;
  /** Orgs whose key-equipment counts are in the analysis. */
  equipmentFirms: Set<string>;
  named: Set<string>;
  indicators: IndicatorRow[];
  relations: RelationRow[];
  /**
   * Joint-project co-membership: one tie per pair of member orgs of an active or completed project,
   * only between orgs whose relations are in the analysis (the same consent as supply relations).
   */
  coProjects: CoProjectTie[];
  unit(orgId: string): GrowthUnit;
}

/** Two orgs in one joint project since `year`; `a` < `b`. */
export interface CoProjectTie {
  a: string;
  b: string;
  year: number;
}

/** Pairs of member orgs per project; one tie per pair (its earliest project year). */
export function coProjectTies(members: readonly CoProjectMemberRow[]): CoProjectTie[] {
  const byProject = new Map<string, CoProjectMemberRow[]>();
  for (const m of members) byProject.set(m.projectId, [...(byProject.get(m.projectId) ?? []), m]);
  const ties = new Map<string, CoProjectTie>();
  for (const ms of byProject.values()) {
    const ids = [...new Set(ms.map((m) => m.orgId))].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0001${ids[j]}`;
        const year = ms[0].year;
        const prev = ties.get(key);
        if (!prev || year < prev.year) ties.set(key, { a: ids[i], b: ids[j], year });
      }
  }
  return [...ties.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** A stable pseudonym: the order of a hash of the id, so labels reveal nothing about ids. */
function pseudonyms(ids: readonly string[]): Map<string, string> {
  const hashed = ids.map((id) => [id, createHash("sha256").update(`growth:${id}`).digest("hex")] as const);
  hashed.sort((a, b) => a[1].localeCompare(b[1]));
  return new Map(hashed.map(([id], i) => [id, `#${String(i + 1).padStart(3, "0")}`]));
}

export async function loadGrowthPool(db: DbOrTx, actor: Actor, now: Date): Promise<GrowthPool> {
  const repo = new GrowthRepository(db);
  const [orgRows, positions, nodes, links] = await Promise.all([
    repo.orgs(),
    repo.positions(),
    repo.nodes(),
    repo.links(),
  ]);
  const orgs = new Map(orgRows.map((o) => [o.id, o]));
  const operators = orgRows.filter((o) => o.kind === "operator").map((o) => o.id);
  const grantees = [...new Set([...operators, actor.orgId])];
  const active = await repo.activeGrantsTo(grantees, now);
  const classSet = (dataClass: string) => {
    const out = new Set<string>();
    if (orgs.has(actor.orgId)) out.add(actor.orgId);
    for (const g of active) if (g.dataClass === dataClass && orgs.has(g.grantor)) out.add(g.grantor);
    return out;
  };
  const isFirm = (id: string) => orgs.get(id)?.kind === "enterprise";
  const indicatorFirms = new Set([...classSet("indicators")].filter(isFirm));
  const relationFirms = classSet("relations");
  const equipmentFirms = classSet("equipment");
  const named = new Set([actor.orgId]);
  for (const g of active) if (g.grantee === actor.orgId && g.dataClass === "indicators") named.add(g.grantor);

  const nodesOf = new Map<string, string[]>();
  for (const p of positions) nodesOf.set(p.orgId, [...(nodesOf.get(p.orgId) ?? []), p.nodeId]);
  const [indicatorRows, relationRows, coMembers] = await Promise.all([
    repo.indicators([...indicatorFirms]),
    repo.relations([...relationFirms]),
    repo.coProjectMembers([...relationFirms]),
  ]);
  const alias = pseudonyms([...orgs.keys()]);
  return {
    viewerOrgId: actor.orgId,
    orgs,
    nodes,
    links,
    nodesOf,
    indicatorFirms,
    relationFirms,
    equipmentFirms,
    named,
    indicators: indicatorRows,
    relations: relationRows,
    coProjects: coProjectTies(coMembers),
    unit(orgId: string): GrowthUnit {
      const own = orgId === actor.orgId;
      const org = orgs.get(orgId);
      if (named.has(orgId)) return { orgId, label: org?.nameZh ?? orgId, labelEn: org?.nameEn ?? orgId, own };
      const pseudonym = alias.get(orgId) ?? "#";
      return { orgId: null, label: pseudonym, labelEn: pseudonym, own };
    },
  };
}

/** Stage labels of the demo chain (the chain's own stages; unknown stages get a number). */
export const STAGE_LABELS: Record<number, [string, string]> = {
  1: ["材料", "Materials"],
  2: ["元器件", "Components"],
  3: ["电路板与组件", "Boards and modules"],
  4: ["医疗电子整机", "Medical devices"],
  5: ["医疗机构", "Hospitals"],
};

export function stageLabel(stage: number): [string, string] {
  return STAGE_LABELS[stage] ?? [`第${stage}环节`, `Stage ${stage}`];
}
