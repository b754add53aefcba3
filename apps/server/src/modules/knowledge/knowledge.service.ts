import { randomUUID } from "node:crypto";
import type {
  KbArticle,
  KbArticleCreate,
  KbArticlePage,
  KbArticleUpdate,
  KbListQuery,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { type KbArticleResource, policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { OrgRepository } from "../orgs/org.repository.ts";
import { type KbArticleView, type KbToken, KnowledgeRepository } from "./knowledge.repository.ts";
import { documentTokens, queryTokens } from "./knowledge.tokens.ts";

function asResource(a: KbArticleView): KbArticleResource {
  return {
    kind: "kbArticle",
    id: a.id,
    authorOrgId: a.orgId,
    visibility: a.visibility,
    audienceOrgIds: a.audienceOrgIds,
  };
}

function toArticle(a: KbArticleView, viewerOrgId: string): KbArticle {
  const mine = a.orgId === viewerOrgId;
  return {
    id: a.id,
    kind: a.kind,
    authorOrgId: a.orgId,
    authorNameZh: a.authorNameZh,
    authorNameEn: a.authorNameEn,
    titleZh: a.titleZh,
    titleEn: a.titleEn,
    body: a.body,
    tags: a.tags,
    standardCode: a.standardCode,
    visibility: a.visibility,
    // Who else reads it is the author's business.
    audienceOrgIds: mine ? a.audienceOrgIds : [],
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    mine,
  };
}

/** Search tokens of an entry: title words (marked) plus body, tags and standard code. */
export function articleTokens(a: {
  titleZh: string;
  titleEn: string;
  body: string;
  tags: readonly string[];
  standardCode?: string | null;
}): KbToken[] {
  const title = new Set(documentTokens(`${a.titleZh} ${a.titleEn} ${a.standardCode ?? ""}`));
  const rest = documentTokens(`${a.tags.join(" ")} ${a.body}`);
  return [...new Set([...title, ...rest])].map((token) => ({ token, inTitle: title.has(token) }));
}

/**
 * The knowledge base: articles, standards lists and lessons learned, each shared with the cluster,
 * a group of firms or one firm; full-text search in Chinese and English over tokens kept beside
 * each entry (knowledge.tokens.ts), so it runs the same on PGlite and PostgreSQL.
 */
export class KnowledgeService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor, query: KbListQuery): Promise<KbArticlePage> {
    const tokens = query.q ? queryTokens(query.q) : [];
    const { items, total } = await new KnowledgeRepository(this.db).list(actor.orgId, {
      kind: query.kind,
      tokens,
      page: query.page,
      pageSize: query.pageSize,
    });
    return {
      items: items.map((a) => toArticle(a, actor.orgId)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<KbArticle> {
    return toArticle(await this.mustRead(this.db, actor, id), actor.orgId);
  }

  async create(actor: Actor, input: KbArticleCreate): Promise<KbArticle> {
    policy.assert(actor, "knowledge.write", { kind: "org", orgId: actor.orgId });
    const id = randomUUID();
    const now = this.now();
    const audience = input.audienceOrgIds.filter((o) => o !== actor.orgId);
    await this.db.transaction(async (tx) => {
      await this.checkAudience(tx, audience);
      const repo = new KnowledgeRepository(tx);
      const { audienceOrgIds: _, standardCode, ...fields } = input;
      await repo.insert({
        id,
        orgId: actor.orgId,
        ...fields,
        standardCode: standardCode || null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceAudience(id, audience);
      await repo.replaceTokens(id, actor.orgId, articleTokens(input));
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "knowledge.create",
          entity: "kbArticle",
          entityId: id,
          after: { kind: input.kind, titleZh: input.titleZh, visibility: input.visibility, audience },
        },
        now,
      );
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: KbArticleUpdate): Promise<KbArticle> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new KnowledgeRepository(tx);
      const before = await repo.find(id);
      if (!before) throw new NotFoundError("knowledge entry", id);
      policy.assert(actor, "knowledge.edit", asResource(before));
      const { audienceOrgIds, standardCode, ...fields } = input;
      const next = {
        ...before,
        ...fields,
        standardCode: standardCode === undefined ? before.standardCode : standardCode || null,
      };
      await repo.update(id, { ...fields, standardCode: next.standardCode, updatedAt: now });
      if (audienceOrgIds !== undefined) {
        const audience = audienceOrgIds.filter((o) => o !== before.orgId);
        await this.checkAudience(tx, audience);
        await repo.replaceAudience(id, audience);
      }
      await repo.replaceTokens(id, before.orgId, articleTokens(next));
      await writeAudit(
        tx,
        actor,
        {
          orgId: before.orgId,
          action: "knowledge.update",
          entity: "kbArticle",
          entityId: id,
          before: { visibility: before.visibility, audience: before.audienceOrgIds },
          after: { fields: Object.keys(input), visibility: input.visibility, audience: audienceOrgIds },
        },
        now,
      );
    });
    return this.get(actor, id);
  }

  private async checkAudience(db: DbOrTx, orgIds: readonly string[]): Promise<void> {
    const orgs = new OrgRepository(db);
    for (const [i, orgId] of orgIds.entries())
      if (!(await orgs.findById(orgId)))
        throw ValidationError.field(`audienceOrgIds.${i}`, `unknown organisation ${orgId}`);
  }

  private async mustRead(db: DbOrTx, actor: Actor, id: string): Promise<KbArticleView> {
    const row = await new KnowledgeRepository(db).find(id);
    if (!row) throw new NotFoundError("knowledge entry", id);
    policy.assert(actor, "knowledge.read", asResource(row));
    return row;
  }
}
