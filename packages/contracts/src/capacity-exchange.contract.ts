import { z } from "zod";
import { text } from "./common.contract.ts";

/** Processes firms offer on the capacity exchange. */
export const CAPACITY_PROCESSES = ["smt", "winding", "moulding", "testing", "sterilisation"] as const;
export const capacityProcessSchema = z.enum(CAPACITY_PROCESSES);
export type CapacityProcess = z.infer<typeof capacityProcessSchema>;

export const capacityOfferCreateSchema = z
  .object({
    process: capacityProcessSchema,
    hours: z.number().int().min(1).max(100_000),
    pricePerHour: z.number().positive().max(1_000_000),
    certifications: z
      .array(text({ min: 1, max: 40 }))
      .max(10)
      .default([]),
    leadTimeDays: z.number().int().min(0).max(365),
  })
  .strict();
export type CapacityOfferCreate = z.infer<typeof capacityOfferCreateSchema>;

export const capacityOfferSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgNameZh: z.string(),
  orgNameEn: z.string(),
  process: capacityProcessSchema,
  hoursTotal: z.number(),
  hoursAvailable: z.number(),
  pricePerHour: z.number(),
  certifications: z.array(z.string()),
  leadTimeDays: z.number(),
  createdAt: z.string(),
});
export type CapacityOffer = z.infer<typeof capacityOfferSchema>;
export const capacityOfferListQuerySchema = z
  .object({ process: capacityProcessSchema.optional(), minHours: z.coerce.number().int().min(1).optional() })
  .strict();
export const capacityOfferListSchema = z.object({ items: z.array(capacityOfferSchema) });

/** Accepting an offer: book `hours` of it for the caller's org. */
export const capacityAcceptSchema = z.object({ hours: z.number().int().min(1).max(100_000) }).strict();
export type CapacityAccept = z.infer<typeof capacityAcceptSchema>;

export const capacityOrderSchema = z.object({
  id: z.string(),
  buyerOrgId: z.string(),
  sellerOrgId: z.string(),
  offerId: z.string(),
  process: capacityProcessSchema,
  hours: z.number(),
  pricePerHour: z.number(),
  createdAt: z.string(),
});
export type CapacityOrder = z.infer<typeof capacityOrderSchema>;
export const capacityOrderListSchema = z.object({
  bought: z.array(capacityOrderSchema),
  sold: z.array(capacityOrderSchema),
});
