import type { DbOrTx } from "../../db/database.ts";
import { AuditChainRepository } from "./audit-chain.repository.ts";

export const GENESIS_HASH = "0".repeat(64);
const PAGE = 2_000;

export type ChainBreak =
  /** The row's content no longer matches its hash: it was changed. */
  | { id: number; reason: "ROW_CHANGED" }
  /** The row does not link to the row before it: a row between them was deleted (or inserted). */
  | { id: number; reason: "LINK_BROKEN" }
  /** The newest rows are gone: the chain head remembers a later row than the table holds. */
  | { id: number; reason: "TAIL_MISSING" };

export interface ChainReport {
  ok: boolean;
  rowsChecked: number;
  /** Hash of the newest row; record it elsewhere to detect a rewrite of the whole chain. */
  headHash: string;
  firstBreak: ChainBreak | null;
}

/**
 * Walks the audit chain in id order (the insert trigger makes id order chain order) and reports
 * the first row that does not verify. Reads in pages so a long log needs little memory.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainReport> {
  const repo = new AuditChainRepository(db);
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let rowsChecked = 0;
  for (;;) {
    const rows = await repo.page(lastId, PAGE);
    for (const r of rows) {
      if (r.computed !== r.hash)
        return broken(rowsChecked, expectedPrev, { id: r.id, reason: "ROW_CHANGED" });
      if (r.prevHash !== expectedPrev)
        return broken(rowsChecked, expectedPrev, { id: r.id, reason: "LINK_BROKEN" });
      expectedPrev = r.hash;
      lastId = r.id;
      rowsChecked++;
    }
    if (rows.length < PAGE) break;
  }
  const head = await repo.head();
  if (!head || head.lastId !== lastId || head.lastHash !== expectedPrev)
    return broken(rowsChecked, expectedPrev, { id: head?.lastId ?? lastId, reason: "TAIL_MISSING" });
  return { ok: true, rowsChecked, headHash: expectedPrev, firstBreak: null };
}

/** Call in the transaction that empties audit_log on purpose (demo reset), or verify reports the gap. */
export async function restartAuditChain(tx: DbOrTx): Promise<void> {
  await new AuditChainRepository(tx).restart(GENESIS_HASH);
}

function broken(rowsChecked: number, headHash: string, firstBreak: ChainBreak): ChainReport {
  return { ok: false, rowsChecked, headHash, firstBreak };
}
