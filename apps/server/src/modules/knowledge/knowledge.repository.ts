import type { KbKind } from "@clusterbrain/contracts";
import { and, count, desc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { kbArticleAudience, kbArticles, kbSearchTokens, orgs } from "../../db/schema/index.ts";

export type KbArticleRow = typeof kbArticles.$inferSelect;
export interface KbArticleView extends KbArticleRow {
  authorNameZh: string;
  authorNameEn: string;
  audienceOrgIds: string[];
}

export interface KbToken {
  token: string;
  inTitle: boolean;
}

/** Knowledge entries; every read filters by who may see them (policy's knowledge.read, in SQL). */
export class KnowledgeRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Entries `orgId` may read: cluster-wide ones, its own, and those shared with it. */
  private visibleTo(orgId: string): SQL | undefined {
    return or(
      eq(kbArticles.visibility, "cluster"),
      eq(kbArticles.orgId, orgId),
      exists(
        this.db
          .select({ one: sql`1` })
          .from(kbArticleAudience)
          .where(and(eq(kbArticleAudience.articleId, kbArticles.id), eq(kbArticleAudience.orgId, orgId))),
      ),
    );
  }

  async insert(values: typeof kbArticles.$inferInsert): Promise<void> {
    await this.db.insert(kbArticles).values(values);
  }

  async update(id: string, values: Partial<typeof kbArticles.$inferInsert>): Promise<void> {
    await this.db.update(kbArticles).set(values).where(eq(kbArticles.id, id));
  }

  async replaceAudience(articleId: string, orgIds: readonly string[]): Promise<void> {
    await this.db.delete(kbArticleAudience).where(eq(kbArticleAudience.articleId, articleId));
    if (orgIds.length)
      await this.db
        .insert(kbArticleAudience)
        .values([...new Set(orgIds)].map((orgId) => ({ articleId, orgId })));
  }

  async replaceTokens(articleId: string, authorOrgId: string, tokens: readonly KbToken[]): Promise<void> {
    await this.db.delete(kbSearchTokens).where(eq(kbSearchTokens.articleId, articleId));
    for (let i = 0; i < tokens.length; i += 1000)
      await this.db
        .insert(kbSearchTokens)
        .values(tokens.slice(i, i + 1000).map((t) => ({ articleId, orgId: authorOrgId, ...t })));
  }

  /** One entry by id, whoever may see it (the service asks the policy). */
  async find(id: string): Promise<KbArticleView | undefined> {
    const [row] = await this.db
      .select({ article: kbArticles, authorNameZh: orgs.nameZh, authorNameEn: orgs.nameEn })
      .from(kbArticles)
      .innerJoin(orgs, eq(orgs.id, kbArticles.orgId))
      .where(eq(kbArticles.id, id));
    if (!row) return undefined;
    const audience = await this.db
      .select({ orgId: kbArticleAudience.orgId })
      .from(kbArticleAudience)
      .where(eq(kbArticleAudience.articleId, id))
      .orderBy(kbArticleAudience.orgId);
    return {
      ...row.article,
      authorNameZh: row.authorNameZh,
      authorNameEn: row.authorNameEn,
      audienceOrgIds: audience.map((a) => a.orgId),
    };
  }

  /**
   * Entries `orgId` may read, optionally of one kind and matching every query token; entries
   * matching in the title first, then the most recently changed.
   */
  async list(
    orgId: string,
    filter: { kind?: KbKind; tokens?: string[]; page: number; pageSize: number },
  ): Promise<{ items: KbArticleView[]; total: number }> {
    const tokens = filter.tokens ?? [];
    const hits = this.db
      .select({
        articleId: kbSearchTokens.articleId,
        titleHits: sql<number>`sum(case when ${kbSearchTokens.inTitle} then 1 else 0 end)`.as("title_hits"),
      })
      .from(kbSearchTokens)
      .where(inArray(kbSearchTokens.token, tokens.length ? tokens : [""]))
      .groupBy(kbSearchTokens.articleId)
      .having(sql`count(distinct ${kbSearchTokens.token}) = ${tokens.length}`)
      .as("hits");
    const where = and(this.visibleTo(orgId), filter.kind ? eq(kbArticles.kind, filter.kind) : undefined);
    const base = this.db
      .select({
        article: kbArticles,
        authorNameZh: orgs.nameZh,
        authorNameEn: orgs.nameEn,
        titleHits: tokens.length ? hits.titleHits : sql<number>`0`.as("title_hits"),
      })
      .from(kbArticles)
      .innerJoin(orgs, eq(orgs.id, kbArticles.orgId));
    const query = tokens.length ? base.innerJoin(hits, eq(hits.articleId, kbArticles.id)) : base;
    const rows = await query
      .where(where)
      .orderBy(desc(sql`title_hits`), desc(kbArticles.updatedAt), kbArticles.id)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize);
    const countBase = this.db.select({ n: count() }).from(kbArticles);
    const [total] = await (tokens.length
      ? countBase.innerJoin(hits, eq(hits.articleId, kbArticles.id))
      : countBase
    ).where(where);
    const own = rows.filter((r) => r.article.orgId === orgId).map((r) => r.article.id);
    const audience = own.length
      ? await this.db.select().from(kbArticleAudience).where(inArray(kbArticleAudience.articleId, own))
      : [];
    return {
      items: rows.map((r) => ({
        ...r.article,
        authorNameZh: r.authorNameZh,
        authorNameEn: r.authorNameEn,
        audienceOrgIds: audience.filter((a) => a.articleId === r.article.id).map((a) => a.orgId),
      })),
      total: Number(total?.n ?? 0),
    };
  }
}
