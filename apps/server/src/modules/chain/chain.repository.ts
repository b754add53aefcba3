import { asc, count, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { chainLinks, chainNodes, orgChainNodes, orgs, relations } from "../../db/schema/index.ts";

export type ChainNodeRow = typeof chainNodes.$inferSelect;
export type RelationRow = typeof relations.$inferSelect;

export interface RelationView extends RelationRow {
  supplierNameZh: string;
  supplierNameEn: string;
  customerNameZh: string;
  customerNameEn: string;
}

/** Relation counts between two linked nodes with the distinct firms on each side (to be k-suppressed). */
export interface LinkFlow {
  fromNodeId: string;
  toNodeId: string;
  relations: number;
  suppliers: number;
  customers: number;
}

const supplier = alias(orgs, "supplier");
const customer = alias(orgs, "customer");

export class ChainRepository {
  constructor(private readonly db: DbOrTx) {}

  async nodes(): Promise<ChainNodeRow[]> {
    return this.db
      .select()
      .from(chainNodes)
      .orderBy(asc(chainNodes.stage), asc(chainNodes.sortOrder), asc(chainNodes.id));
  }

  async node(id: string): Promise<ChainNodeRow | undefined> {
    const [row] = await this.db.select().from(chainNodes).where(eq(chainNodes.id, id));
    return row;
  }

  async links(): Promise<{ fromNodeId: string; toNodeId: string }[]> {
    return this.db.select().from(chainLinks).orderBy(asc(chainLinks.fromNodeId), asc(chainLinks.toNodeId));
  }

  /** Orgs per node (public positions), all kinds. */
  async orgCountsByNode(): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ nodeId: orgChainNodes.nodeId, n: count() })
      .from(orgChainNodes)
      .groupBy(orgChainNodes.nodeId);
    return new Map(rows.map((r) => [r.nodeId, Number(r.n)]));
  }

  /** Firms (enterprises) per node: the node's in-cluster suppliers. */
  async firmCountsByNode(): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ nodeId: orgChainNodes.nodeId, n: count() })
      .from(orgChainNodes)
      .innerJoin(orgs, eq(orgs.id, orgChainNodes.orgId))
      .where(eq(orgs.kind, "enterprise"))
      .groupBy(orgChainNodes.nodeId);
    return new Map(rows.map((r) => [r.nodeId, Number(r.n)]));
  }

  async orgIdsOnNode(nodeId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: orgChainNodes.orgId })
      .from(orgChainNodes)
      .where(eq(orgChainNodes.nodeId, nodeId))
      .orderBy(asc(orgChainNodes.orgId));
    return rows.map((r) => r.id);
  }

  /**
   * Relation flows along each chain link: a relation counts for from→to when it supplies the `from`
   * node's product (relation.node_id) to a customer positioned on `to`.
   */
  async linkFlows(): Promise<LinkFlow[]> {
    const result = await this.db.execute(sql`
      SELECT l.from_node_id AS "fromNodeId", l.to_node_id AS "toNodeId",
        COUNT(DISTINCT r.id) AS relations,
        COUNT(DISTINCT r.supplier_org_id) AS suppliers,
        COUNT(DISTINCT r.customer_org_id) AS customers
      FROM ${chainLinks} l
      JOIN ${relations} r ON r.node_id = l.from_node_id
      JOIN ${orgChainNodes} ocn ON ocn.org_id = r.customer_org_id AND ocn.node_id = l.to_node_id
      GROUP BY l.from_node_id, l.to_node_id`);
    const rows = (result as unknown as { rows: Record<keyof LinkFlow, string | number>[] }).rows;
    return rows.map((r) => ({
      fromNodeId: String(r.fromNodeId),
      toNodeId: String(r.toNodeId),
      relations: Number(r.relations),
      suppliers: Number(r.suppliers),
      customers: Number(r.customers),
    }));
  }

  private relationSelect() {
    return this.db
      .select({
        relation: relations,
        supplierNameZh: supplier.nameZh,
        supplierNameEn: supplier.nameEn,
        customerNameZh: customer.nameZh,
        customerNameEn: customer.nameEn,
      })
      .from(relations)
      .innerJoin(supplier, eq(supplier.id, relations.supplierOrgId))
      .innerJoin(customer, eq(customer.id, relations.customerOrgId));
  }

  /** Relations where the org is supplier or customer. */
  async relationsOf(orgId: string): Promise<RelationView[]> {
    const rows = await this.relationSelect()
      .where(or(eq(relations.supplierOrgId, orgId), eq(relations.customerOrgId, orgId)))
      .orderBy(asc(relations.createdAt), asc(relations.id));
    return rows.map(({ relation, ...names }) => ({ ...relation, ...names }));
  }

  async relationById(id: string): Promise<RelationView | undefined> {
    const [row] = await this.relationSelect().where(eq(relations.id, id));
    return row ? { ...row.relation, ...row } : undefined;
  }

  async insertRelation(values: typeof relations.$inferInsert): Promise<void> {
    await this.db.insert(relations).values(values);
  }

  async deleteRelation(id: string): Promise<void> {
    await this.db.delete(relations).where(eq(relations.id, id));
  }

  async orgExists(id: string): Promise<boolean> {
    const [row] = await this.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, id));
    return row !== undefined;
  }
}
