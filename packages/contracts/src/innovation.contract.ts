import { z } from "zod";
import { idSchema, text } from "./common.contract.ts";
import { planningDateSchema } from "./planning.contract.ts";

/** 技术需求 (a firm needs a technology) or 科技成果/能力 (someone offers one). */
export const LISTING_KINDS = ["demand", "capability"] as const;
export const listingKindSchema = z.enum(LISTING_KINDS);
export type ListingKind = z.infer<typeof listingKindSchema>;

export const LISTING_STATUSES = ["open", "closed"] as const;
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof listingStatusSchema>;

/** Features a match is scored on; each reason names one. */
export const MATCH_FEATURE_NAMES = [
  "keywords",
  "industry",
  "chainNode",
  "certifications",
  "distance",
  "collaboration",
] as const;

export const PROJECT_ROLES = ["lead", "research", "industry", "advisor"] as const;
export const projectRoleSchema = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

export const PROJECT_STATUSES = ["active", "completed", "cancelled"] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);

export const MILESTONE_STATUSES = ["open", "done"] as const;

export const IP_OWNERSHIPS = ["lead", "joint", "by-contribution"] as const;
export const IP_LICENSINGS = ["none", "non-exclusive", "exclusive"] as const;
export const IP_PUBLICATIONS = ["free", "review", "embargo"] as const;

/** GB/T 4754 industry code: section letter then 2–4 digits ("C3981"). */
const industryCodeSchema = text({ min: 3, max: 5 }).regex(
  /^[A-T]\d{2,4}$/,
  "must be a GB/T 4754 code such as C3981",
);

const listingFields = {
  title: text({ min: 1, max: 200 }),
  description: text({ min: 0, max: 4000, multiline: true }),
  keywords: z.array(text({ min: 1, max: 40 })).max(20),
  industryCodes: z.array(industryCodeSchema).max(5),
  chainNodeIds: z.array(idSchema).max(5),
  certifications: z.array(text({ min: 1, max: 60 })).max(10),
};

export const listingCreateSchema = z
  .object({
    kind: listingKindSchema,
    ...listingFields,
    description: listingFields.description.default(""),
    keywords: listingFields.keywords.default([]),
    industryCodes: listingFields.industryCodes.default([]),
    chainNodeIds: listingFields.chainNodeIds.default([]),
    certifications: listingFields.certifications.default([]),
  })
  .strict();
export type ListingCreate = z.infer<typeof listingCreateSchema>;

export const listingUpdateSchema = z.object(listingFields).partial().strict();
export type ListingUpdate = z.infer<typeof listingUpdateSchema>;

export const listingSchema = z.object({
  id: z.string(),
  kind: listingKindSchema,
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  orgKind: z.string(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  industryCodes: z.array(z.string()),
  chainNodeIds: z.array(z.string()),
  certifications: z.array(z.string()),
  status: listingStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** The caller's own listing (may edit, close and see its matches). */
  mine: z.boolean(),
});
export type Listing = z.infer<typeof listingSchema>;

export const listingQuerySchema = z.object({
  kind: listingKindSchema.optional(),
  /** Free text in Chinese or English; ranked by relevance when given. */
  q: text({ min: 0, max: 200 }).optional(),
  /** `mine`: my org's listings, open and closed; `all`: every open listing of the cluster. */
  scope: z.enum(["all", "mine"]).default("all"),
});
export type ListingQuery = z.infer<typeof listingQuerySchema>;

export const listingListSchema = z.object({ items: z.array(listingSchema) });
export type ListingList = z.infer<typeof listingListSchema>;

export const matchReasonSchema = z.object({
  feature: z.enum(MATCH_FEATURE_NAMES),
  value: z.number(),
  contribution: z.number(),
  evidence: z.array(z.string()),
});
export const matchedTermSchema = z.object({
  term: z.string(),
  concept: z.string().nullable(),
  query: z.array(z.string()),
  candidate: z.array(z.string()),
  viaSynonym: z.boolean(),
  contribution: z.number(),
});
export const listingMatchSchema = z.object({
  listing: listingSchema,
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  matchedTerms: z.array(matchedTermSchema),
  /** Whether my org has already contacted the other side about this listing. */
  contacted: z.boolean(),
});
export type ListingMatch = z.infer<typeof listingMatchSchema>;
/** An expert (a bookable resource of type expert) ranked for a demand, with the same kind of reasons. */
export const expertMatchSchema = z.object({
  expert: z.object({
    resourceId: z.string(),
    orgId: z.string(),
    orgNameZh: z.string(),
    orgNameEn: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    pricePerHour: z.number(),
  }),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  matchedTerms: z.array(matchedTermSchema),
});
export type ExpertMatch = z.infer<typeof expertMatchSchema>;
export const listingMatchListSchema = z.object({
  listingId: z.string(),
  items: z.array(listingMatchSchema),
  /** For a demand: experts whose field fits, ranked alongside the capabilities (empty for a capability). */
  experts: z.array(expertMatchSchema),
});
export type ListingMatchList = z.infer<typeof listingMatchListSchema>;

/** Contact through the platform about someone else's open listing (a message and a notification). */
export const contactCreateSchema = z
  .object({
    listingId: idSchema,
    /** My own listing the match came from, if any. */
    fromListingId: idSchema.optional(),
    message: text({ min: 1, max: 2000, multiline: true }),
  })
  .strict();
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const contactSchema = z.object({
  id: z.string(),
  fromOrgId: z.string(),
  fromOrgNameZh: z.string(),
  fromOrgNameEn: z.string(),
  toOrgId: z.string(),
  toOrgNameZh: z.string(),
  toOrgNameEn: z.string(),
  listingId: z.string(),
  listingTitle: z.string(),
  fromListingId: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  projectId: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({ sent: z.array(contactSchema), received: z.array(contactSchema) });
export type ContactList = z.infer<typeof contactListSchema>;

/** match → contact → project, for the caller's org. */
export const innovationFunnelSchema = z.object({
  openListings: z.number().int(),
  listingsWithMatches: z.number().int(),
  contacts: z.number().int(),
  projects: z.number().int(),
});
export type InnovationFunnel = z.infer<typeof innovationFunnelSchema>;

export const ipTermsSchema = z
  .object({
    ownership: z.enum(IP_OWNERSHIPS),
    licensing: z.enum(IP_LICENSINGS),
    publication: z.enum(IP_PUBLICATIONS),
    notes: text({ min: 0, max: 2000, multiline: true }).default(""),
  })
  .strict();
export type IpTerms = z.infer<typeof ipTermsSchema>;

const share = z.number().finite().min(0).max(100);
export const projectMemberInputSchema = z
  .object({ orgId: idSchema, role: projectRoleSchema, budgetShare: share.default(0) })
  .strict();
export type ProjectMemberInput = z.infer<typeof projectMemberInputSchema>;

export const projectCreateSchema = z
  .object({
    title: text({ min: 1, max: 200 }),
    description: text({ min: 0, max: 4000, multiline: true }).default(""),
    /** The contact the project grew out of (closes the funnel). */
    contactId: idSchema.optional(),
    /** Budget in 万元 (10,000 CNY). */
    budgetTotal: z.number().finite().min(0).max(1e7).default(0),
    /** My org's share of the budget, percent. */
    leadBudgetShare: share.default(100),
    members: z.array(projectMemberInputSchema).max(20).default([]),
    ip: ipTermsSchema.default({
      ownership: "joint",
      licensing: "non-exclusive",
      publication: "review",
      notes: "",
    }),
  })
  .strict();
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectUpdateSchema = z
  .object({
    status: projectStatusSchema,
    description: text({ min: 0, max: 4000, multiline: true }),
    budgetTotal: z.number().finite().min(0).max(1e7),
    ip: ipTermsSchema,
  })
  .partial()
  .strict();
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const milestoneCreateSchema = z
  .object({
    title: text({ min: 1, max: 200 }),
    dueDate: planningDateSchema,
    deliverables: z
      .array(text({ min: 1, max: 200 }))
      .max(20)
      .default([]),
  })
  .strict();
export type MilestoneCreate = z.infer<typeof milestoneCreateSchema>;

export const projectMemberSchema = z.object({
  orgId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  role: projectRoleSchema,
  budgetShare: z.number(),
});
export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  deliverables: z.array(z.string()),
  status: z.enum(MILESTONE_STATUSES),
  completedAt: z.string().nullable(),
});
export const projectActivitySchema = z.object({
  id: z.string(),
  at: z.string(),
  orgId: z.string(),
  action: z.string(),
  detail: z.string(),
});
export const projectSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  leadOrgId: z.string(),
  status: projectStatusSchema,
  createdAt: z.string(),
  members: z.array(projectMemberSchema),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;
export const projectSchema = projectSummarySchema.extend({
  description: z.string(),
  contactId: z.string().nullable(),
  budgetTotal: z.number(),
  ip: ipTermsSchema,
  milestones: z.array(milestoneSchema),
  activity: z.array(projectActivitySchema),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListSchema = z.object({ items: z.array(projectSummarySchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

/** Largest project document (bytes, before base64): 10 MiB. Larger uploads answer 413 PAYLOAD_TOO_LARGE. */
export const PROJECT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A document upload as base64 inside JSON (the same way imports send files; no multipart parser is
 * installed). Uploading a name the project already has adds a new version of that document.
 */
export const projectDocumentUploadSchema = z
  .object({
    name: text({ min: 1, max: 200 }).refine((n) => !/[\\/]/.test(n), "a file name, without folders"),
    contentType: z
      .string()
      .max(100)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, "a media type such as application/pdf")
      .default("application/octet-stream"),
    contentBase64: z
      .string()
      .min(1, "contentBase64 is empty")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "contentBase64 must be standard base64"),
  })
  .strict();
export type ProjectDocumentUpload = z.infer<typeof projectDocumentUploadSchema>;

export const projectDocumentVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  sizeBytes: z.number().int(),
  contentType: z.string(),
  sha256: z.string(),
  uploadedByOrgId: z.string(),
  uploadedAt: z.string(),
});
export type ProjectDocumentVersion = z.infer<typeof projectDocumentVersionSchema>;
/** One document name with all its versions, newest first. */
export const projectDocumentSchema = z.object({
  name: z.string(),
  latest: projectDocumentVersionSchema,
  versions: z.array(projectDocumentVersionSchema),
});
export type ProjectDocument = z.infer<typeof projectDocumentSchema>;
export const projectDocumentListSchema = z.object({
  maxBytes: z.number().int(),
  items: z.array(projectDocumentSchema),
});
export type ProjectDocumentList = z.infer<typeof projectDocumentListSchema>;
