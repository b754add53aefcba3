import { z } from "zod";
import { idSchema, pageOf, text } from "./common.contract.ts";

/** Knowledge-base entries: articles, standards lists (YY/T, IEC 60601 …) and lessons learned. */
export const KB_KINDS = ["article", "standard", "lesson"] as const;
export const kbKindSchema = z.enum(KB_KINDS);
export type KbKind = z.infer<typeof kbKindSchema>;

/** Who reads an entry: the whole cluster, a group of firms, or one firm (the author always does). */
export const KB_VISIBILITIES = ["cluster", "group", "firm"] as const;
export const kbVisibilitySchema = z.enum(KB_VISIBILITIES);
export type KbVisibility = z.infer<typeof kbVisibilitySchema>;

const articleFields = {
  kind: kbKindSchema,
  titleZh: text({ min: 1, max: 200 }),
  titleEn: text({ max: 200 }).default(""),
  body: text({ min: 1, max: 20_000, multiline: true }),
  tags: z
    .array(text({ min: 1, max: 40 }))
    .max(20)
    .default([]),
  /** For standards: the code, e.g. "YY/T 0316-2016" or "IEC 60601-1-2:2014". */
  standardCode: text({ max: 80 }).optional(),
  visibility: kbVisibilitySchema,
  /** The orgs of a group (1–50) or the one firm; empty for the cluster. */
  audienceOrgIds: z.array(idSchema).max(50).default([]),
};

function audienceRule(
  a: { visibility?: KbVisibility; audienceOrgIds?: string[] },
  ctx: z.RefinementCtx,
): void {
  if (a.visibility === undefined) return;
  const n = a.audienceOrgIds?.length ?? 0;
  if (a.visibility === "cluster" && n > 0)
    ctx.addIssue({
      code: "custom",
      path: ["audienceOrgIds"],
      message: "must be empty for the whole cluster",
    });
  if (a.visibility === "group" && n < 1)
    ctx.addIssue({
      code: "custom",
      path: ["audienceOrgIds"],
      message: "a group names at least one organisation",
    });
  if (a.visibility === "firm" && n !== 1)
    ctx.addIssue({
      code: "custom",
      path: ["audienceOrgIds"],
      message: "one firm means exactly one organisation",
    });
}

export const kbArticleCreateSchema = z.object(articleFields).strict().superRefine(audienceRule);
export type KbArticleCreate = z.infer<typeof kbArticleCreateSchema>;

export const kbArticleUpdateSchema = z
  .object({
    titleZh: articleFields.titleZh,
    titleEn: text({ max: 200 }),
    body: articleFields.body,
    tags: z.array(text({ min: 1, max: 40 })).max(20),
    standardCode: text({ max: 80 }),
    visibility: kbVisibilitySchema,
    audienceOrgIds: z.array(idSchema).max(50),
  })
  .partial()
  .strict()
  .superRefine((a, ctx) => {
    if ((a.visibility === undefined) !== (a.audienceOrgIds === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["audienceOrgIds"],
        message: "visibility and audienceOrgIds change together",
      });
    audienceRule(a, ctx);
  });
export type KbArticleUpdate = z.infer<typeof kbArticleUpdateSchema>;

export const kbListQuerySchema = z.object({
  /** Full text in Chinese, English or both (every word must match). */
  q: text({ max: 100 }).optional(),
  kind: kbKindSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type KbListQuery = z.infer<typeof kbListQuerySchema>;

export const kbArticleSchema = z.object({
  id: z.string(),
  kind: kbKindSchema,
  authorOrgId: z.string(),
  authorNameZh: z.string(),
  authorNameEn: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  standardCode: z.string().nullable(),
  visibility: kbVisibilitySchema,
  /** Shown to the author org only (others get an empty list). */
  audienceOrgIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  mine: z.boolean(),
});
export type KbArticle = z.infer<typeof kbArticleSchema>;
export const kbArticlePageSchema = pageOf(kbArticleSchema);
export type KbArticlePage = z.infer<typeof kbArticlePageSchema>;
