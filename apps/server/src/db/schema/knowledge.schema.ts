import { KB_KINDS, KB_VISIBILITIES } from "@clusterbrain/contracts";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgs } from "./org.schema.ts";
import { users } from "./user.schema.ts";

/** A knowledge-base entry (article, standards list, lesson learned); org_id is the author (0014). */
export const kbArticles = pgTable(
  "kb_articles",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: KB_KINDS }).notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull().default(""),
    body: text("body").notNull(),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    standardCode: text("standard_code"),
    visibility: text("visibility", { enum: KB_VISIBILITIES }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("kb_articles_org_idx").on(t.orgId),
    index("kb_articles_visibility_idx").on(t.visibility, t.updatedAt),
  ],
);

/** Orgs besides the author that may read a group or firm article. */
export const kbArticleAudience = pgTable(
  "kb_article_audience",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => kbArticles.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "kb_article_audience_pkey", columns: [t.articleId, t.orgId] }),
    index("kb_article_audience_org_idx").on(t.orgId),
  ],
);

/** Search tokens of an article (knowledge.tokens.ts); org_id is the author org. */
export const kbSearchTokens = pgTable(
  "kb_search_tokens",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => kbArticles.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    inTitle: boolean("in_title").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "kb_search_tokens_pkey", columns: [t.articleId, t.token] }),
    index("kb_search_tokens_token_idx").on(t.token),
  ],
);
