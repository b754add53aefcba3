import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { indicators, orgChainNodes, orgs } from "../../db/schema/index.ts";

export interface FirmFacts {
  id: string;
  nameZh: string;
  nameEn: string;
  district: string;
  sizeBand: (typeof orgs.$inferSelect)["sizeBand"];
  patents: number;
  updatedAt: Date;
}

/** The rows dashboard figures are computed from: public facts of enterprises, their chain positions, indicators. */
export class StatsRepository {
  constructor(private readonly db: DbOrTx) {}

  async enterprises(): Promise<FirmFacts[]> {
    const rows = await this.db
      .select({
        id: orgs.id,
        nameZh: orgs.nameZh,
        nameEn: orgs.nameEn,
        district: orgs.district,
        sizeBand: orgs.sizeBand,
        patents: sql<number>`jsonb_array_length(${orgs.patents})`,
        updatedAt: orgs.updatedAt,
      })
      .from(orgs)
      .where(eq(orgs.kind, "enterprise"));
    return rows.map((r) => ({ ...r, patents: Number(r.patents) }));
  }

  async positions(): Promise<{ orgId: string; nodeId: string }[]> {
    return this.db.select({ orgId: orgChainNodes.orgId, nodeId: orgChainNodes.nodeId }).from(orgChainNodes);
  }

  async indicatorRows(): Promise<(typeof indicators.$inferSelect)[]> {
    return this.db.select().from(indicators);
  }
}
