import { z } from "zod";
import { suppressedNumberSchema } from "./chain.contract.ts";
import { idSchema, text } from "./common.contract.ts";
import { planningDateSchema } from "./planning.contract.ts";
import { secondmentDecideSchema, secondmentStatusSchema } from "./talent.contract.ts";

/** A skill-master studio (技能大师工作室) led by a person of the caller's org from the pool. */
export const studioCreateSchema = z
  .object({
    name: text({ min: 1, max: 200 }),
    skill: text({ min: 1, max: 60 }),
    masterId: idSchema,
    description: text({ min: 0, max: 1000, multiline: true }).default(""),
  })
  .strict();
export type StudioCreate = z.infer<typeof studioCreateSchema>;

/** Take a person as apprentice: one of the studio's org, or another org's person who consented to be listed. */
export const studioApprenticeCreateSchema = z.object({ personId: idSchema }).strict();
export type StudioApprenticeCreate = z.infer<typeof studioApprenticeCreateSchema>;

export const studioTrainingCreateSchema = z
  .object({
    heldOn: planningDateSchema,
    topic: text({ min: 1, max: 200 }),
    hours: z.number().min(0.25).max(24),
  })
  .strict();
export type StudioTrainingCreate = z.infer<typeof studioTrainingCreateSchema>;

export const studioApprenticeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  joinedOn: z.string(),
});
export const studioTrainingSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  hours: z.number(),
});

export const studioSummarySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  name: z.string(),
  skill: z.string(),
  masterId: z.string(),
  masterName: z.string(),
  /** Apprentices the caller may see (non-consenting people of other orgs are left out). */
  apprentices: z.number().int(),
  trainings: z.number().int(),
  hours: z.number(),
  /** Whether the caller's org runs it (and so may add apprentices and training records). */
  mine: z.boolean(),
});
export type StudioSummary = z.infer<typeof studioSummarySchema>;

export const studioSchema = studioSummarySchema.extend({
  description: z.string(),
  apprenticeList: z.array(studioApprenticeSchema),
  trainingList: z.array(studioTrainingSchema),
});
export type Studio = z.infer<typeof studioSchema>;

/** Training hours per skill over the cluster's studios, withheld when fewer than 3 orgs run such studios. */
export const studioSkillStatSchema = z.object({
  skill: z.string(),
  studios: z.number().int(),
  hours: suppressedNumberSchema,
});
export const studioListSchema = z.object({
  items: z.array(studioSummarySchema),
  bySkill: z.array(studioSkillStatSchema),
});
export type StudioList = z.infer<typeof studioListSchema>;

/**
 * Project staffing: a firm (for its own need or for a joint innovation project it belongs to)
 * asks the pool for a person for a period; the person's org decides, like a secondment.
 */
export const staffingCreateSchema = z
  .object({
    personId: idSchema,
    projectId: idSchema.optional(),
    projectTitle: text({ min: 1, max: 200 }).optional(),
    role: text({ min: 1, max: 200 }),
    startsOn: planningDateSchema,
    endsOn: planningDateSchema,
  })
  .strict()
  .refine((s) => s.startsOn <= s.endsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] })
  .refine((s) => s.projectId !== undefined || s.projectTitle !== undefined, {
    message: "name a joint project or a project title",
    path: ["projectTitle"],
  });
export type StaffingCreate = z.infer<typeof staffingCreateSchema>;
export const staffingDecideSchema = secondmentDecideSchema;

export const staffingSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  hostOrgId: z.string(),
  hostNameZh: z.string(),
  hostNameEn: z.string(),
  requesterOrgId: z.string(),
  requesterNameZh: z.string(),
  requesterNameEn: z.string(),
  projectId: z.string().nullable(),
  projectTitle: z.string(),
  role: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: secondmentStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Staffing = z.infer<typeof staffingSchema>;
export const staffingListSchema = z.object({
  incoming: z.array(staffingSchema),
  outgoing: z.array(staffingSchema),
});
export type StaffingList = z.infer<typeof staffingListSchema>;
