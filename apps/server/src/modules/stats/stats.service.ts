import type { ClusterIndicators, FirmsPerDistrict, FirmsPerNode } from "@clusterbrain/contracts";
import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { orgs } from "../../db/schema/index.ts";
import type { AggregateCache } from "../../http/app-caches.ts";
import { K_MIN, suppressedSum } from "../../privacy/k-anonymity.ts";
import { ChainRepository } from "../chain/chain.repository.ts";
import { IndicatorRepository } from "../indicators/indicator.repository.ts";

/** Dashboard figures. Counts of public profile facts are shown as is; sums of private data are k-suppressed. */
export class StatsService {
  constructor(
    private readonly db: DbOrTx,
    private readonly cache: AggregateCache,
  ) {}

  firmsPerNode(): Promise<FirmsPerNode> {
    return this.cache.firmsPerNode.getOrLoad("all", () => this.computeFirmsPerNode());
  }

  clusterIndicators(): Promise<ClusterIndicators> {
    return this.cache.clusterIndicators.getOrLoad("all", () => this.computeClusterIndicators());
  }

  firmsPerDistrict(): Promise<FirmsPerDistrict> {
    return this.cache.districts.getOrLoad("all", () => this.computeFirmsPerDistrict());
  }

  private async computeFirmsPerNode(): Promise<FirmsPerNode> {
    const repo = new ChainRepository(this.db);
    const [nodes, counts] = await Promise.all([repo.nodes(), repo.firmCountsByNode()]);
    return {
      items: nodes.map((n) => ({
        nodeId: n.id,
        code: n.code,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        firms: counts.get(n.id) ?? 0,
      })),
    };
  }

  /** Cluster totals per year over firms' private indicators, each suppressed below k firms. */
  private async computeClusterIndicators(): Promise<ClusterIndicators> {
    const rows = await new IndicatorRepository(this.db).allFirmYears();
    const byYear = new Map<number, typeof rows>();
    for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    return {
      k: K_MIN,
      years: years.map((year) => {
        const ys = byYear.get(year) ?? [];
        const sum = (pick: (r: (typeof rows)[number]) => number) => suppressedSum(ys, (r) => r.orgId, pick);
        return {
          year,
          firms: new Set(ys.map((r) => r.orgId)).size,
          revenue: sum((r) => r.revenue),
          rdSpend: sum((r) => r.rdSpend),
          employees: sum((r) => r.employees),
          patents: sum((r) => r.patents),
          energyUse: sum((r) => r.energyUse),
          exports: sum((r) => r.exports),
        };
      }),
    };
  }

  private async computeFirmsPerDistrict(): Promise<FirmsPerDistrict> {
    const rows = await this.db
      .select({ district: orgs.district, firms: count() })
      .from(orgs)
      .where(eq(orgs.kind, "enterprise"))
      .groupBy(orgs.district)
      .orderBy(asc(orgs.district));
    return { items: rows.map((r) => ({ district: r.district, firms: Number(r.firms) })) };
  }
}
