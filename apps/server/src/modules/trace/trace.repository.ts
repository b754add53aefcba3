import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  orgs,
  traceChainHeads,
  traceCheckpoints,
  traceEvents,
  traceKeys,
  traceLinks,
} from "../../db/schema/index.ts";

export type TraceEventRow = typeof traceEvents.$inferSelect;
export type TraceKeyRow = typeof traceKeys.$inferSelect;
export type TraceCheckpointRow = typeof traceCheckpoints.$inferSelect;
export interface TraceLinkValues {
  fromNode: string;
  toNode: string;
}

const GENESIS = "0".repeat(64);
const rowsOf = <R>(result: unknown) => (result as { rows: R[] }).rows;

/** All SQL of the traceability ledger. */
export class TraceRepository {
  constructor(private readonly db: DbOrTx) {}

  /**
   * The org's chain head, locked until the transaction ends: concurrent appends of one org queue
   * here, so each sees the seq and hash the previous one wrote (the chain cannot fork).
   */
  async lockHead(orgId: string): Promise<{ seq: number; hash: string }> {
    await this.db.insert(traceChainHeads).values({ orgId, seq: 0, hash: GENESIS }).onConflictDoNothing();
    const [head] = await this.db
      .select({ seq: traceChainHeads.seq, hash: traceChainHeads.hash })
      .from(traceChainHeads)
      .where(eq(traceChainHeads.orgId, orgId))
      .for("update");
    return head;
  }

  async head(orgId: string): Promise<{ seq: number; hash: string } | undefined> {
    const [head] = await this.db
      .select({ seq: traceChainHeads.seq, hash: traceChainHeads.hash })
      .from(traceChainHeads)
      .where(eq(traceChainHeads.orgId, orgId));
    return head;
  }

  async append(event: TraceEventRow, links: readonly TraceLinkValues[]): Promise<void> {
    await this.db.insert(traceEvents).values(event);
    if (links.length) {
      await this.db
        .insert(traceLinks)
        .values(
          links.map((l) => ({ orgId: event.orgId, seq: event.seq, fromNode: l.fromNode, toNode: l.toNode })),
        );
    }
    await this.db
      .update(traceChainHeads)
      .set({ seq: event.seq, hash: event.hash })
      .where(eq(traceChainHeads.orgId, event.orgId));
  }

  async keys(orgIds: readonly string[]): Promise<TraceKeyRow[]> {
    if (orgIds.length === 0) return [];
    return this.db
      .select()
      .from(traceKeys)
      .where(inArray(traceKeys.orgId, [...orgIds]))
      .orderBy(asc(traceKeys.orgId), asc(traceKeys.validFrom));
  }

  async insertKey(values: typeof traceKeys.$inferInsert): Promise<void> {
    await this.db.insert(traceKeys).values(values);
  }

  /** Newest first; with `node`, only events whose links mention it. */
  async events(orgId: string, limit: number, node?: string): Promise<TraceEventRow[]> {
    const base = this.db.select().from(traceEvents);
    if (node === undefined) {
      return base.where(eq(traceEvents.orgId, orgId)).orderBy(desc(traceEvents.seq)).limit(limit);
    }
    const seqs = this.db
      .selectDistinct({ seq: traceLinks.seq })
      .from(traceLinks)
      .where(
        and(eq(traceLinks.orgId, orgId), or(eq(traceLinks.fromNode, node), eq(traceLinks.toNode, node))),
      );
    return base
      .where(and(eq(traceEvents.orgId, orgId), inArray(traceEvents.seq, seqs)))
      .orderBy(desc(traceEvents.seq))
      .limit(limit);
  }

  /** The whole chain in seq order (for export). */
  async chain(orgId: string): Promise<TraceEventRow[]> {
    return this.db
      .select()
      .from(traceEvents)
      .where(eq(traceEvents.orgId, orgId))
      .orderBy(asc(traceEvents.seq));
  }

  /** Whether `orgId`'s own events mention the node (it may start a recall from it). */
  async mentions(orgId: string, node: string): Promise<boolean> {
    const [row] = await this.db
      .select({ seq: traceLinks.seq })
      .from(traceLinks)
      .where(and(eq(traceLinks.orgId, orgId), or(eq(traceLinks.fromNode, node), eq(traceLinks.toNode, node))))
      .limit(1);
    return row !== undefined;
  }

  /** Whether any event mentions the node at all. */
  async exists(node: string): Promise<boolean> {
    const [row] = await this.db
      .select({ seq: traceLinks.seq })
      .from(traceLinks)
      .where(or(eq(traceLinks.fromNode, node), eq(traceLinks.toNode, node)))
      .limit(1);
    return row !== undefined;
  }

  /**
   * Every node reachable from `start` along the links, downstream (component → product →
   * shipment → receiving org) or upstream; UNION drops repeats, so a cycle cannot loop.
   */
  async reachable(start: string, direction: "forward" | "backward"): Promise<string[]> {
    const result =
      direction === "forward"
        ? await this.db.execute(sql`
            WITH RECURSIVE r(node) AS (
              SELECT ${start}::text
              UNION
              SELECT l.to_node FROM trace_links l JOIN r ON l.from_node = r.node
            ) SELECT node FROM r`)
        : await this.db.execute(sql`
            WITH RECURSIVE r(node) AS (
              SELECT ${start}::text
              UNION
              SELECT l.from_node FROM trace_links l JOIN r ON l.to_node = r.node
            ) SELECT node FROM r`);
    return rowsOf<{ node: string }>(result).map((r) => r.node);
  }

  async orgNames(ids: readonly string[]): Promise<{ id: string; nameZh: string; nameEn: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: orgs.id, nameZh: orgs.nameZh, nameEn: orgs.nameEn })
      .from(orgs)
      .where(inArray(orgs.id, [...ids]));
  }

  /** Orgs among `ids` that keep a chain of their own (producers, not end receivers such as hospitals). */
  async chainOrgs(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ orgId: traceChainHeads.orgId })
      .from(traceChainHeads)
      .where(inArray(traceChainHeads.orgId, [...ids]));
    return new Set(rows.map((r) => r.orgId));
  }

  /** Lot nodes with this code that `orgId`'s own events mention (a supplier's lot it consumed). */
  async lotNodesNamed(orgId: string, code: string): Promise<string[]> {
    const suffix = `|${code}`;
    const result = await this.db.execute(sql`
      SELECT DISTINCT from_node AS node FROM trace_links
      WHERE org_id = ${orgId} AND from_node LIKE 'lot|%' AND right(from_node, ${suffix.length}) = ${suffix}
      LIMIT 2`);
    return rowsOf<{ node: string }>(result).map((r) => r.node);
  }

  async orgExists(id: string): Promise<boolean> {
    return (await this.orgNames([id])).length === 1;
  }

  async insertCheckpoint(values: TraceCheckpointRow): Promise<void> {
    await this.db.insert(traceCheckpoints).values(values);
  }

  /** Own org's checkpoints; `all` (the operator) sees every org's. */
  async checkpoints(orgId: string | null, onlyCountersigned = false): Promise<TraceCheckpointRow[]> {
    const where = and(
      orgId === null ? undefined : eq(traceCheckpoints.orgId, orgId),
      onlyCountersigned ? isNotNull(traceCheckpoints.csSignature) : undefined,
    );
    return this.db
      .select()
      .from(traceCheckpoints)
      .where(where)
      .orderBy(asc(traceCheckpoints.orgId), asc(traceCheckpoints.seq))
      .limit(1000);
  }

  async checkpointById(id: string, lock = false): Promise<TraceCheckpointRow | undefined> {
    const q = this.db.select().from(traceCheckpoints).where(eq(traceCheckpoints.id, id));
    const [row] = lock ? await q.for("update") : await q;
    return row;
  }

  async countersign(
    row: TraceCheckpointRow,
    cs: { csOrgId: string; csKeyId: string; csAt: string; csSignature: string },
  ): Promise<void> {
    await this.db
      .update(traceCheckpoints)
      .set(cs)
      .where(and(eq(traceCheckpoints.orgId, row.orgId), eq(traceCheckpoints.id, row.id)));
  }
}
