import { z } from "zod";
import { idSchema, text } from "./common.contract.ts";
import { planningDateSchema } from "./planning.contract.ts";

export const TALENT_AVAILABILITIES = ["available", "partly", "unavailable"] as const;
export const talentAvailabilitySchema = z.enum(TALENT_AVAILABILITIES);
export type TalentAvailability = z.infer<typeof talentAvailabilitySchema>;

export const SECONDMENT_STATUSES = ["pending", "approved", "declined"] as const;
export const secondmentStatusSchema = z.enum(SECONDMENT_STATUSES);
export type SecondmentStatus = z.infer<typeof secondmentStatusSchema>;

const tagList = z.array(text({ min: 1, max: 60 })).max(30);

/** A person of the caller's org entered into the talent pool; only `consent` makes them visible to other orgs. */
export const talentPersonCreateSchema = z
  .object({
    name: text({ min: 1, max: 100 }),
    skills: tagList.default([]),
    certificates: tagList.default([]),
    availability: talentAvailabilitySchema.default("available"),
    consent: z.boolean().default(false),
  })
  .strict();
export type TalentPersonCreate = z.infer<typeof talentPersonCreateSchema>;

export const talentPersonUpdateSchema = z
  .object({
    skills: tagList.optional(),
    certificates: tagList.optional(),
    availability: talentAvailabilitySchema.optional(),
    consent: z.boolean().optional(),
  })
  .strict();
export type TalentPersonUpdate = z.infer<typeof talentPersonUpdateSchema>;

export const talentPersonSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  name: z.string(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  availability: talentAvailabilitySchema,
  consent: z.boolean(),
});
export type TalentPerson = z.infer<typeof talentPersonSchema>;

export const talentPoolQuerySchema = z.object({ skill: text({ min: 0, max: 60 }).optional() });
export const talentPoolSchema = z.object({ items: z.array(talentPersonSchema) });
export type TalentPool = z.infer<typeof talentPoolSchema>;

/** A firm asks another firm to second (挂职) one of its listed people, with terms. */
export const secondmentCreateSchema = z
  .object({
    personId: idSchema,
    role: text({ min: 1, max: 200 }),
    startsOn: planningDateSchema,
    endsOn: planningDateSchema,
    note: text({ min: 0, max: 500, multiline: true }).default(""),
  })
  .strict()
  .refine((s) => s.startsOn <= s.endsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] });
export type SecondmentCreate = z.infer<typeof secondmentCreateSchema>;

export const secondmentDecideSchema = z
  .object({ note: text({ min: 0, max: 500, multiline: true }).optional() })
  .strict();
export type SecondmentDecide = z.infer<typeof secondmentDecideSchema>;

export const secondmentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  hostOrgId: z.string(),
  hostNameZh: z.string(),
  hostNameEn: z.string(),
  requesterOrgId: z.string(),
  requesterNameZh: z.string(),
  requesterNameEn: z.string(),
  role: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string(),
  status: secondmentStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Secondment = z.infer<typeof secondmentSchema>;

/** Secondments of my people (incoming: my org decides) and ones my org asked for (outgoing). */
export const secondmentListSchema = z.object({
  incoming: z.array(secondmentSchema),
  outgoing: z.array(secondmentSchema),
});
export type SecondmentList = z.infer<typeof secondmentListSchema>;

/** A skill competition (技能比武), organised by the operator or any org. */
export const competitionCreateSchema = z
  .object({
    title: text({ min: 1, max: 200 }),
    skill: text({ min: 1, max: 60 }),
    heldOn: planningDateSchema,
  })
  .strict();
export type CompetitionCreate = z.infer<typeof competitionCreateSchema>;

/** Register a person of the caller's own org. */
export const competitionEntryCreateSchema = z.object({ personId: idSchema }).strict();
export type CompetitionEntryCreate = z.infer<typeof competitionEntryCreateSchema>;

export const competitionScoreSchema = z
  .object({ entryId: idSchema, score: z.number().min(0).max(1000) })
  .strict();
export type CompetitionScore = z.infer<typeof competitionScoreSchema>;

export const competitionEntrySchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  score: z.number().nullable(),
  /** Standard competition ranking (1, 1, 3) over scored entries; null until scored. */
  rank: z.number().int().nullable(),
});
export type CompetitionEntry = z.infer<typeof competitionEntrySchema>;

export const competitionSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  title: z.string(),
  skill: z.string(),
  heldOn: z.string(),
  /** Whether the caller's org organises it (and so may score). */
  mine: z.boolean(),
  entries: z.array(competitionEntrySchema),
});
export type Competition = z.infer<typeof competitionSchema>;
export const competitionListSchema = z.object({ items: z.array(competitionSchema) });
export type CompetitionList = z.infer<typeof competitionListSchema>;
