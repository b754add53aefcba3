import {
  BENCHMARK_FIELDS,
  type BenchmarkField,
  type Benchmarks,
  type IndicatorTotals,
  type StatsOverview,
  type StatsOverviewQuery,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import { NotFoundError } from "../../errors/index.ts";
import { K_MIN, suppressedMedian, suppressedSum } from "../../privacy/k-anonymity.ts";
import { ChainRepository } from "../chain/chain.repository.ts";
import { requirePrivateRead } from "../grants/grant-access.ts";
import { type FirmFacts, StatsRepository } from "./stats.repository.ts";

const TOP_FIRMS = 10;
const SIZE_RANK = { large: 3, medium: 2, small: 1, micro: 0 } as const;

type IndicatorRow = Awaited<ReturnType<StatsRepository["indicatorRows"]>>[number];

function totalsOf(year: number, rows: readonly IndicatorRow[]): IndicatorTotals {
  const sum = (pick: (r: IndicatorRow) => number) => suppressedSum(rows, (r) => r.orgId, pick);
  return {
    year,
    firms: new Set(rows.map((r) => r.orgId)).size,
    revenue: sum((r) => r.revenue),
    rdSpend: sum((r) => r.rdSpend),
    exports: sum((r) => r.exports),
    employees: sum((r) => r.employees),
    patents: sum((r) => r.patents),
    energyUse: sum((r) => r.energyUse),
  };
}

function byYear<T extends { year: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.year, [...(out.get(r.year) ?? []), r]);
  return out;
}

/**
 * The operator's dashboard in one answer, narrowed by year, district and chain node. Counts of
 * public facts (positions, districts, patents listed) are exact; sums of private indicators go
 * through the one k-suppression rule. The year narrows the ranking and totals shown as "this
 * year"; the per-year series always spans every year so that year-on-year change can be read.
 */
export class StatsOverviewService {
  constructor(
    private readonly db: DbOrTx,
    private readonly now: () => Date,
  ) {}

  async overview(query: StatsOverviewQuery): Promise<StatsOverview> {
    const stats = new StatsRepository(this.db);
    const chain = new ChainRepository(this.db);
    const [firms, positions, indicatorRows, nodes, links, firmCounts] = await Promise.all([
      stats.enterprises(),
      stats.positions(),
      stats.indicatorRows(),
      chain.nodes(),
      chain.links(),
      chain.firmCountsByNode(),
    ]);
    const nodesOf = new Map<string, Set<string>>();
    for (const p of positions) nodesOf.set(p.orgId, (nodesOf.get(p.orgId) ?? new Set()).add(p.nodeId));
    const inDistrict = (f: FirmFacts) => query.district === undefined || f.district === query.district;
    const onNode = (f: FirmFacts) =>
      query.chainNode === undefined || (nodesOf.get(f.id)?.has(query.chainNode) ?? false);
    const selected = firms.filter((f) => inDistrict(f) && onNode(f));
    const selectedIds = new Set(selected.map((f) => f.id));

    const rows = indicatorRows.filter((r) => selectedIds.has(r.orgId));
    const perYear = byYear(rows);
    const years = [...new Set(indicatorRows.map((r) => r.year))].sort((a, b) => a - b);

    // Bars per node follow the district filter (the node filter would leave one bar); the donut per
    // district follows the node filter, for the same reason.
    const perNodeCount = new Map<string, number>();
    for (const f of firms.filter(inDistrict))
      for (const n of nodesOf.get(f.id) ?? []) perNodeCount.set(n, (perNodeCount.get(n) ?? 0) + 1);
    const perDistrict = new Map<string, number>();
    for (const f of firms.filter(onNode)) perDistrict.set(f.district, (perDistrict.get(f.district) ?? 0) + 1);
    const feeding = new Set(links.map((l) => l.fromNodeId));

    const asOf = selected.reduce<Date | null>(
      (m, f) => (m === null || f.updatedAt > m ? f.updatedAt : m),
      null,
    );
    const reportedIn =
      query.year === undefined ? undefined : new Set(perYear.get(query.year)?.map((r) => r.orgId));
    const ranked = selected
      .filter((f) => reportedIn === undefined || reportedIn.has(f.id))
      .sort(
        (a, b) =>
          b.patents - a.patents ||
          SIZE_RANK[b.sizeBand] - SIZE_RANK[a.sizeBand] ||
          a.nameZh.localeCompare(b.nameZh, "zh") ||
          a.id.localeCompare(b.id),
      )
      .slice(0, TOP_FIRMS);

    return {
      k: K_MIN,
      asOf: asOf?.toISOString() ?? null,
      years,
      districts: [...new Set(firms.map((f) => f.district))].filter((d) => d !== "").sort(),
      firms: selected.length,
      indicators: years.map((y) => totalsOf(y, perYear.get(y) ?? [])),
      perNode: nodes.map((n) => ({
        nodeId: n.id,
        code: n.code,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        stage: n.stage,
        firms: perNodeCount.get(n.id) ?? 0,
        // The chain map's rule: a node feeding another with at most one in-cluster firm.
        weakLink: feeding.has(n.id) && (firmCounts.get(n.id) ?? 0) <= 1,
      })),
      perDistrict: [...perDistrict]
        .map(([district, n]) => ({ district, firms: n }))
        .sort((a, b) => b.firms - a.firms || a.district.localeCompare(b.district)),
      topFirms: ranked.map((f) => ({
        id: f.id,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        district: f.district,
        sizeBand: f.sizeBand,
        patents: f.patents,
      })),
    };
  }

  /**
   * A firm's indicators beside the medians of the cluster's firms and of its peers (other firms on
   * one of its chain nodes), per year; each median is withheld when fewer than k firms report.
   */
  async benchmarks(actor: Actor, orgId: string): Promise<Benchmarks> {
    await requirePrivateRead(this.db, actor, orgId, "indicators", this.now());
    const stats = new StatsRepository(this.db);
    const [firms, positions, rows] = await Promise.all([
      stats.enterprises(),
      stats.positions(),
      stats.indicatorRows(),
    ]);
    if (!firms.some((f) => f.id === orgId)) throw new NotFoundError("firm", orgId);
    const enterprise = new Set(firms.map((f) => f.id));
    const ownNodes = new Set(positions.filter((p) => p.orgId === orgId).map((p) => p.nodeId));
    const peers = new Set(
      positions
        .filter((p) => p.orgId !== orgId && ownNodes.has(p.nodeId) && enterprise.has(p.orgId))
        .map((p) => p.orgId),
    );
    const perYear = byYear(rows.filter((r) => enterprise.has(r.orgId)));
    const medians = (group: readonly IndicatorRow[]) =>
      Object.fromEntries(
        BENCHMARK_FIELDS.map((f) => [f, suppressedMedian(group.map((r) => r[f]))]),
      ) as Benchmarks["years"][number]["cluster"];
    const years = [...perYear.keys()].sort((a, b) => a - b);
    return {
      orgId,
      k: K_MIN,
      peerCount: peers.size,
      years: years.map((year) => {
        const all = perYear.get(year) ?? [];
        const own = all.find((r) => r.orgId === orgId);
        return {
          year,
          own: own
            ? (Object.fromEntries(BENCHMARK_FIELDS.map((f) => [f, own[f]])) as Record<BenchmarkField, number>)
            : null,
          cluster: medians(all.filter((r) => r.orgId !== orgId)),
          peers: medians(all.filter((r) => peers.has(r.orgId))),
        };
      }),
    };
  }
}
