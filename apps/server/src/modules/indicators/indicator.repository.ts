import type { IndicatorYear } from "@clusterbrain/contracts";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { indicators } from "../../db/schema/index.ts";

export class IndicatorRepository {
  constructor(private readonly db: DbOrTx) {}

  async listFor(orgId: string): Promise<IndicatorYear[]> {
    const rows = await this.db
      .select()
      .from(indicators)
      .where(eq(indicators.orgId, orgId))
      .orderBy(asc(indicators.year));
    return rows.map(({ orgId: _o, ...r }) => r);
  }

  async upsert(orgId: string, v: IndicatorYear): Promise<void> {
    const { year: _y, ...rest } = v;
    await this.db
      .insert(indicators)
      .values({ orgId, ...v })
      .onConflictDoUpdate({ target: [indicators.orgId, indicators.year], set: rest });
  }

  /** All firm-years (for cluster aggregates); callers must suppress through privacy/k-anonymity. */
  async allFirmYears(): Promise<(IndicatorYear & { orgId: string })[]> {
    return this.db.select().from(indicators);
  }
}
