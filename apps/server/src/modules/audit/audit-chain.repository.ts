import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { auditChainHead } from "../../db/schema/index.ts";

export interface ChainRow {
  id: number;
  prevHash: string;
  hash: string;
  /** The row's hash recomputed by the database from its stored prev_hash and current content. */
  computed: string;
}

interface RawChainRow {
  id: string | number;
  prev_hash: string;
  hash: string;
  computed: string;
}

/** Reads the chain for verification; hashing uses the audit_row_hash function of migration 0006. */
export class AuditChainRepository {
  constructor(private readonly db: DbOrTx) {}

  async page(afterId: number, limit: number): Promise<ChainRow[]> {
    const res = await this.db.execute(
      sql`SELECT a.id, a.prev_hash, a.hash, audit_row_hash(a.prev_hash, a) AS computed
          FROM audit_log a WHERE a.id > ${afterId} ORDER BY a.id LIMIT ${limit}`,
    );
    const rows = (res as unknown as { rows: RawChainRow[] }).rows;
    return rows.map((r) => ({ id: Number(r.id), prevHash: r.prev_hash, hash: r.hash, computed: r.computed }));
  }

  /** After the log is deliberately emptied (demo reset), the next row starts a new chain. */
  async restart(genesis: string): Promise<void> {
    await this.db
      .update(auditChainHead)
      .set({ lastId: 0, lastHash: genesis })
      .where(eq(auditChainHead.id, 1));
  }

  async head(): Promise<{ lastId: number; lastHash: string } | undefined> {
    const [row] = await this.db
      .select({ lastId: auditChainHead.lastId, lastHash: auditChainHead.lastHash })
      .from(auditChainHead)
      .where(eq(auditChainHead.id, 1));
    return row;
  }
}
