import type { OrgSearchQuery } from "@clusterbrain/contracts";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { chainNodes, orgChainNodes, orgSearchTokens, orgs } from "../../db/schema/index.ts";
import { escapeLike, queryTerms, type SearchToken } from "./org-search.ts";

export type OrgRow = typeof orgs.$inferSelect;
export type OrgInsert = typeof orgs.$inferInsert;

export interface NodeRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** One directory row as the search query returns it (summary columns only, one query per page). */
export interface SearchHit {
  id: string;
  kind: OrgRow["kind"];
  nameZh: string;
  nameEn: string;
  district: string;
  industryCode: string;
  sizeBand: OrgRow["sizeBand"];
  products: OrgRow["products"];
  chainNodeIds: string[];
  total: number | string;
}

const SIZE_RANK = sql`CASE ${orgs.sizeBand} WHEN 'micro' THEN 1 WHEN 'small' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END`;

export class OrgRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string): Promise<OrgRow | undefined> {
    const [row] = await this.db.select().from(orgs).where(eq(orgs.id, id));
    return row;
  }

  /**
   * An org with its chain nodes in one round trip (the profile page's public part): a correlated
   * json_agg instead of a second query.
   */
  async findWithChainNodes(id: string): Promise<{ row: OrgRow; nodes: NodeRef[] } | undefined> {
    const [found] = await this.db
      .select({
        row: orgs,
        nodes: sql<NodeRef[]>`COALESCE((
          SELECT json_agg(json_build_object('id', n.id, 'code', n.code, 'nameZh', n.name_zh, 'nameEn', n.name_en)
                          ORDER BY n.stage, n.sort_order, n.id)
          FROM ${orgChainNodes} ocn JOIN ${chainNodes} n ON n.id = ocn.node_id
          WHERE ocn.org_id = "orgs"."id"), '[]'::json)`,
      })
      .from(orgs)
      .where(eq(orgs.id, id));
    return found;
  }

  async findByIds(ids: string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(orgs).where(inArray(orgs.id, ids));
  }

  async insert(values: OrgInsert): Promise<OrgRow> {
    const [row] = await this.db.insert(orgs).values(values).returning();
    return row;
  }

  async update(id: string, values: Partial<OrgInsert>): Promise<OrgRow> {
    const [row] = await this.db.update(orgs).set(values).where(eq(orgs.id, id)).returning();
    return row;
  }

  async findByUscc(uscc: string): Promise<OrgRow | undefined> {
    const [row] = await this.db.select().from(orgs).where(eq(orgs.uscc, uscc));
    return row;
  }

  async replaceTokens(orgId: string, tokens: SearchToken[]): Promise<void> {
    await this.db.delete(orgSearchTokens).where(eq(orgSearchTokens.orgId, orgId));
    if (tokens.length) await this.db.insert(orgSearchTokens).values(tokens.map((t) => ({ orgId, ...t })));
  }

  async chainNodesOf(orgIds: string[]): Promise<Map<string, NodeRef[]>> {
    const out = new Map<string, NodeRef[]>();
    if (orgIds.length === 0) return out;
    const rows = await this.db
      .select({
        orgId: orgChainNodes.orgId,
        id: chainNodes.id,
        code: chainNodes.code,
        nameZh: chainNodes.nameZh,
        nameEn: chainNodes.nameEn,
      })
      .from(orgChainNodes)
      .innerJoin(chainNodes, eq(chainNodes.id, orgChainNodes.nodeId))
      .where(inArray(orgChainNodes.orgId, orgIds))
      .orderBy(asc(chainNodes.stage), asc(chainNodes.sortOrder), asc(chainNodes.id));
    for (const { orgId, ...node } of rows) {
      const list = out.get(orgId) ?? [];
      list.push(node);
      out.set(orgId, list);
    }
    return out;
  }

  async existingNodeIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: chainNodes.id })
      .from(chainNodes)
      .where(inArray(chainNodes.id, ids));
    return new Set(rows.map((r) => r.id));
  }

  async replaceChainNodes(orgId: string, nodeIds: string[]): Promise<void> {
    await this.db.delete(orgChainNodes).where(eq(orgChainNodes.orgId, orgId));
    if (nodeIds.length)
      await this.db.insert(orgChainNodes).values(nodeIds.map((nodeId) => ({ orgId, nodeId })));
  }

  /**
   * Directory search. Text matching runs over org_search_tokens by substring (LIKE), sorting uses
   * COLLATE "C" and an id tie-break, so PGlite and PostgreSQL return the same pages.
   */
  async search(q: OrgSearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    const conds = [];
    if (q.kind) conds.push(eq(orgs.kind, q.kind));
    if (q.district) conds.push(eq(orgs.district, q.district));
    if (q.industry) {
      const code = escapeLike(q.industry.toUpperCase());
      conds.push(
        sql`(${orgs.industryCode} LIKE ${`${code}%`} ESCAPE '\\' OR ${orgs.industryCode} LIKE ${`_${code}%`} ESCAPE '\\')`,
      );
    }
    if (q.chainNode) {
      conds.push(
        sql`EXISTS (SELECT 1 FROM ${orgChainNodes} WHERE ${orgChainNodes.orgId} = ${orgs.id} AND ${orgChainNodes.nodeId} = ${q.chainNode})`,
      );
    }
    const terms = q.q ? queryTerms(q.q) : undefined;
    let scoreExpr = sql`0`;
    let from = sql`${orgs}`;
    if (terms?.whole) {
      const all = [terms.whole, ...terms.segments];
      const values = sql.join(
        all.map((t, i) => sql`(${i}::int, ${`%${escapeLike(t)}%`}::text)`),
        sql`, `,
      );
      const nSeg = terms.segments.length;
      const matches = sql`
        SELECT t.org_id,
          SUM(CASE t.field WHEN 'name' THEN 3 WHEN 'product' THEN 2 WHEN 'capability' THEN 2 ELSE 1 END)::int AS score
        FROM org_search_tokens t JOIN (VALUES ${values}) AS q(qi, pattern) ON t.token LIKE q.pattern ESCAPE '\\'
        GROUP BY t.org_id
        HAVING bool_or(q.qi = 0) OR COUNT(DISTINCT CASE WHEN q.qi > 0 THEN q.qi END) = ${nSeg}`;
      from = sql`${orgs} JOIN (${matches}) AS m ON m.org_id = ${orgs.id}`;
      scoreExpr = sql`m.score`;
    }
    const dir = q.order === "desc" ? sql`DESC` : sql`ASC`;
    const name = q.lang === "en" ? sql`${orgs.nameEn} COLLATE "C"` : sql`${orgs.nameZh} COLLATE "C"`;
    let orderBy: ReturnType<typeof sql>;
    switch (q.sort) {
      case "name":
        orderBy = sql`${name} ${dir}`;
        break;
      case "size":
        orderBy = sql`${SIZE_RANK} ${dir}, ${name} ASC`;
        break;
      case "founded":
        orderBy = sql`${orgs.foundedYear} ${dir} NULLS LAST, ${name} ASC`;
        break;
      case "district":
        orderBy = sql`${orgs.district} COLLATE "C" ${dir}, ${name} ASC`;
        break;
      default:
        orderBy = terms?.whole ? sql`${scoreExpr} DESC, ${name} ASC` : sql`${name} ASC`;
    }
    const where = conds.length ? sql`WHERE ${and(...conds)}` : sql``;
    const offset = (q.page - 1) * q.pageSize;
    const result = await this.db.execute(
      sql`SELECT ${orgs.id} AS id, ${orgs.kind} AS kind, ${orgs.nameZh} AS "nameZh", ${orgs.nameEn} AS "nameEn",
            ${orgs.district} AS district, ${orgs.industryCode} AS "industryCode", ${orgs.sizeBand} AS "sizeBand",
            ${orgs.products} AS products,
            ARRAY(SELECT n.id FROM org_chain_nodes ocn JOIN chain_nodes n ON n.id = ocn.node_id
                  WHERE ocn.org_id = ${orgs.id} ORDER BY n.stage, n.sort_order, n.id) AS "chainNodeIds",
            COUNT(*) OVER () AS total
          FROM ${from} ${where}
          ORDER BY ${orderBy}, ${orgs.id} COLLATE "C" ASC LIMIT ${q.pageSize} OFFSET ${offset}`,
    );
    const rows = (result as unknown as { rows: SearchHit[] }).rows;
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) {
      const count = await this.db.execute(sql`SELECT COUNT(*) AS total FROM ${from} ${where}`);
      total = Number((count as unknown as { rows: { total: number | string }[] }).rows[0]?.total ?? 0);
    }
    return { hits: rows, total };
  }

  async facets(): Promise<{ districts: string[]; industries: string[]; kinds: OrgRow["kind"][] }> {
    const d = await this.db.selectDistinct({ v: orgs.district }).from(orgs);
    const i = await this.db.selectDistinct({ v: orgs.industryCode }).from(orgs);
    const k = await this.db.selectDistinct({ v: orgs.kind }).from(orgs);
    const sorted = (xs: string[]) => xs.filter(Boolean).sort();
    return {
      districts: sorted(d.map((r) => r.v)),
      industries: sorted(i.map((r) => r.v)),
      kinds: k.map((r) => r.v).sort(),
    };
  }
}
