import { z } from "zod";
import { isoDateTimeSchema, text } from "./common.contract.ts";
import { sizeBandSchema } from "./org.contract.ts";
import { planningDateSchema } from "./planning.contract.ts";

/** Fairs (e.g. a medical-electronics exhibition), academic conferences and matchmaking sessions. */
export const EVENT_KINDS = ["fair", "conference", "matchmaking"] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const eventCreateSchema = z
  .object({
    kind: eventKindSchema,
    titleZh: text({ min: 1, max: 200 }),
    titleEn: text({ max: 200 }).default(""),
    description: text({ max: 4000, multiline: true }).default(""),
    location: text({ max: 200 }).default(""),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    /** Most organisations that may register; omitted = no limit. */
    capacity: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    path: ["endsAt"],
    message: "must be after startsAt",
  });
export type EventCreate = z.infer<typeof eventCreateSchema>;

export const eventRegisterSchema = z.object({ attendee: text({ min: 1, max: 200 }) }).strict();
export type EventRegister = z.infer<typeof eventRegisterSchema>;

export const eventSchema = z.object({
  id: z.string(),
  kind: eventKindSchema,
  organiserOrgId: z.string(),
  organiserNameZh: z.string(),
  organiserNameEn: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  description: z.string(),
  location: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().nullable(),
  registered: z.number().int(),
  /** My org's registration, if any. */
  myRegistrationId: z.string().nullable(),
  myCheckedIn: z.boolean(),
  mine: z.boolean(),
});
export type HubEvent = z.infer<typeof eventSchema>;
export const eventListSchema = z.object({ items: z.array(eventSchema) });
export type EventList = z.infer<typeof eventListSchema>;

export const registrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  attendee: z.string(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;
export const registrationListSchema = z.object({ items: z.array(registrationSchema) });
export type RegistrationList = z.infer<typeof registrationListSchema>;

/** The criteria a policy notice's eligibility is judged by. */
export const POLICY_CRITERIA = ["industry", "size", "district"] as const;
export const policyCriterionSchema = z.enum(POLICY_CRITERIA);

export const policyCreateSchema = z
  .object({
    titleZh: text({ min: 1, max: 200 }),
    titleEn: text({ max: 200 }).default(""),
    summary: text({ min: 1, max: 4000, multiline: true }),
    funding: text({ max: 500 }).default(""),
    deadline: planningDateSchema.optional(),
    /** Industry code prefixes (GB/T 4754, e.g. "398" for electronic components); empty = any. */
    industryCodes: z
      .array(
        text({ min: 1, max: 10 }).regex(/^[A-Z]?\d{1,4}$/, "must be an industry code such as 398 or C3981"),
      )
      .max(20)
      .default([]),
    sizeBands: z.array(sizeBandSchema).max(4).default([]),
    districts: z
      .array(text({ min: 1, max: 40 }))
      .max(30)
      .default([]),
  })
  .strict();
export type PolicyCreate = z.infer<typeof policyCreateSchema>;

export const policyQuerySchema = z.object({
  /** all = every notice, each with whether my org is eligible and why. */
  show: z.enum(["eligible", "all"]).default("eligible"),
});
export type PolicyQuery = z.infer<typeof policyQuerySchema>;

/** One criterion checked against my org: what the notice asks, what my org has, and whether it is met. */
export const eligibilityReasonSchema = z.object({
  criterion: policyCriterionSchema,
  required: z.array(z.string()),
  actual: z.string(),
  met: z.boolean(),
});
export type EligibilityReason = z.infer<typeof eligibilityReasonSchema>;

export const policySchema = z.object({
  id: z.string(),
  issuerOrgId: z.string(),
  issuerNameZh: z.string(),
  issuerNameEn: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  funding: z.string(),
  deadline: z.string().nullable(),
  eligible: z.boolean(),
  /** Only the criteria the notice sets; none = open to every organisation. */
  reasons: z.array(eligibilityReasonSchema),
  createdAt: z.string(),
});
export type PolicyNotice = z.infer<typeof policySchema>;
export const policyListSchema = z.object({ items: z.array(policySchema) });
export type PolicyList = z.infer<typeof policyListSchema>;
