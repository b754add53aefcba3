import { z } from "zod";
import { idSchema, isoDateTimeSchema, pageOf, text } from "./common.contract.ts";

/** What an organisation can share: an instrument, a piece of equipment, a whole lab, or an expert's time. */
export const RESOURCE_KINDS = ["instrument", "equipment", "lab", "expert"] as const;
export const resourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

export const RESOURCE_STATUSES = ["active", "retired"] as const;
export const resourceStatusSchema = z.enum(RESOURCE_STATUSES);

/**
 * pending and approved hold their slot (the database refuses an overlapping one); declined and
 * cancelled free it; completed is an approved booking whose usage the owner recorded.
 */
export const BOOKING_STATUSES = ["pending", "approved", "declined", "cancelled", "completed"] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const resourceSpecSchema = z.object({
  key: text({ min: 1, max: 80 }),
  value: text({ min: 1, max: 200 }),
});
export type ResourceSpec = z.infer<typeof resourceSpecSchema>;

const hoursSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 14);

export const resourceCreateSchema = z
  .object({
    kind: resourceKindSchema,
    nameZh: text({ min: 1, max: 120 }),
    nameEn: text({ min: 1, max: 160 }),
    description: text({ max: 2000, multiline: true }).default(""),
    specs: z.array(resourceSpecSchema).max(30).default([]),
    location: text({ max: 200 }).default(""),
    /** Yuan (CNY) per hour; 0 = free of charge. */
    pricePerHour: z.number().int().min(0).max(1_000_000),
    rules: text({ max: 2000, multiline: true }).default(""),
    minHours: hoursSchema.default(1),
    maxHours: hoursSchema.default(8),
    /** A requester may cancel an approved booking until this many hours before it starts. */
    cancelNoticeHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(24),
    /** Opening hours, cluster time (UTC+8), [openHour, closeHour). */
    openHour: z.number().int().min(0).max(23).default(8),
    closeHour: z.number().int().min(1).max(24).default(18),
  })
  .strict()
  .refine((r) => r.maxHours >= r.minHours, { path: ["maxHours"], message: "must be at least minHours" })
  .refine((r) => r.closeHour > r.openHour, { path: ["closeHour"], message: "must be after openHour" });
export type ResourceCreate = z.infer<typeof resourceCreateSchema>;

export const resourceUpdateSchema = z
  .object({
    nameZh: text({ min: 1, max: 120 }),
    nameEn: text({ min: 1, max: 160 }),
    description: text({ max: 2000, multiline: true }),
    specs: z.array(resourceSpecSchema).max(30),
    location: text({ max: 200 }),
    pricePerHour: z.number().int().min(0).max(1_000_000),
    rules: text({ max: 2000, multiline: true }),
    cancelNoticeHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30),
    status: resourceStatusSchema,
  })
  .partial()
  .strict();
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

export const resourceListQuerySchema = z.object({
  kind: resourceKindSchema.optional(),
  q: text({ max: 100 }).optional(),
  ownerOrgId: idSchema.optional(),
  maxPrice: z.coerce.number().int().min(0).max(1_000_000).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const resourceSchema = z.object({
  id: z.string(),
  kind: resourceKindSchema,
  ownerOrgId: z.string(),
  ownerNameZh: z.string(),
  ownerNameEn: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  specs: z.array(resourceSpecSchema),
  location: z.string(),
  pricePerHour: z.number(),
  rules: z.string(),
  minHours: z.number(),
  maxHours: z.number(),
  cancelNoticeHours: z.number(),
  openHour: z.number(),
  closeHour: z.number(),
  status: resourceStatusSchema,
  /** Mean rating of completed bookings (null before the first), and how many ratings. */
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  /** Whether the caller's org owns it (may edit it and decide its bookings). */
  mine: z.boolean(),
});
export type Resource = z.infer<typeof resourceSchema>;
export const resourcePageSchema = pageOf(resourceSchema);
export type ResourcePage = z.infer<typeof resourcePageSchema>;

/** A window of the availability calendar (at most 62 days). */
export const calendarQuerySchema = z
  .object({ from: isoDateTimeSchema, to: isoDateTimeSchema })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ["to"], message: "must be after from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    path: ["to"],
    message: "a calendar window is at most 62 days",
  });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** A taken slot; who took it is shown only to that org and to the owner. */
export const calendarSlotSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  status: bookingStatusSchema,
  mine: z.boolean(),
  bookingId: z.string().nullable(),
});
export const calendarSchema = z.object({
  resourceId: z.string(),
  openHour: z.number(),
  closeHour: z.number(),
  slots: z.array(calendarSlotSchema),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const bookingCreateSchema = z
  .object({
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    purpose: text({ min: 1, max: 500, multiline: true }),
  })
  .strict()
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    path: ["endsAt"],
    message: "must be after startsAt",
  });
export type BookingCreate = z.infer<typeof bookingCreateSchema>;

export const bookingNoteSchema = z.object({ note: text({ max: 500, multiline: true }).optional() }).strict();
export type BookingNote = z.infer<typeof bookingNoteSchema>;

export const bookingUsageSchema = z
  .object({
    usedHours: z
      .number()
      .min(0)
      .max(24 * 14),
    note: text({ max: 500, multiline: true }).optional(),
  })
  .strict();
export type BookingUsage = z.infer<typeof bookingUsageSchema>;

export const bookingRatingSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: text({ max: 500, multiline: true }).optional(),
  })
  .strict();
export type BookingRating = z.infer<typeof bookingRatingSchema>;

export const bookingSchema = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceNameZh: z.string(),
  resourceNameEn: z.string(),
  resourceKind: resourceKindSchema,
  requesterOrgId: z.string(),
  requesterNameZh: z.string(),
  requesterNameEn: z.string(),
  ownerOrgId: z.string(),
  ownerNameZh: z.string(),
  ownerNameEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: bookingStatusSchema,
  purpose: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  usedHours: z.number().nullable(),
  usageNote: z.string().nullable(),
  /** Hours × price of the resource at the time of the answer (used hours once recorded). */
  cost: z.number(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** Bookings my org made (outgoing) and bookings of my org's resources (incoming: I decide). */
export const bookingListSchema = z.object({
  outgoing: z.array(bookingSchema),
  incoming: z.array(bookingSchema),
});
export type BookingList = z.infer<typeof bookingListSchema>;
