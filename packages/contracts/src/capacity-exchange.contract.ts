import { z } from "zod";
import { idSchema, text } from "./common.contract.ts";
import { SHIPMENT_STATUSES, shipmentEventSchema } from "./logistics.contract.ts";

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
  /** Entered by hand, or published from idle hours of the firm's schedule. */
  source: z.enum(["manual", "schedule"]),
  /** The work centre whose idle hours a schedule offer sells ("" for a manual offer). */
  workCentre: z.string(),
  /** Inclusive dates the hours can be used in (null for a manual offer: from today + lead time). */
  availableFrom: z.string().nullable(),
  availableTo: z.string().nullable(),
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

/** An order is booked, then shipped when the seller records a shipment, delivered with its last event. */
export const CAPACITY_ORDER_STATUSES = ["booked", "shipped", "delivered"] as const;
export type CapacityOrderStatus = (typeof CAPACITY_ORDER_STATUSES)[number];

export const capacityOrderSchema = z.object({
  id: z.string(),
  buyerOrgId: z.string(),
  sellerOrgId: z.string(),
  buyerNameZh: z.string(),
  buyerNameEn: z.string(),
  sellerNameZh: z.string(),
  sellerNameEn: z.string(),
  offerId: z.string(),
  /** The RFQ and quote the order came from (null for a direct accept of an offer). */
  rfqId: z.string().nullable(),
  quoteId: z.string().nullable(),
  process: capacityProcessSchema,
  hours: z.number(),
  pricePerHour: z.number(),
  status: z.enum(CAPACITY_ORDER_STATUSES),
  shipmentId: z.string().nullable(),
  /**
   * The status of the order's shipment (one of SHIPMENT_STATUSES), from its tracking events. A
   * nullable string: a nullable enum's OpenAPI form leaves null out.
   */
  shipmentStatus: z.string().nullable(),
  createdAt: z.string(),
});
export type CapacityOrder = z.infer<typeof capacityOrderSchema>;
export const capacityOrderListSchema = z.object({
  bought: z.array(capacityOrderSchema),
  sold: z.array(capacityOrderSchema),
});

/** A calendar date the database can hold, YYYY-MM-DD between 2000 and 2100. */
export const exchangeDateSchema = z.iso
  .date()
  .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "must be a date between 2000 and 2100");

/** Idle machine-hours of my org's published schedule per work centre and week. */
export const scheduleIdleQuerySchema = z
  .object({ weeks: z.coerce.number().int().min(1).max(12).default(4) })
  .strict();
export const scheduleIdleSchema = z.object({
  /** The published scenario the hours come from; null when the org has published none. */
  scenario: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Monday of each week. */
  weeks: z.array(z.string()),
  items: z.array(
    z.object({
      workCentre: z.string(),
      /**
       * The exchange process (one of CAPACITY_PROCESSES) the work centre most likely sells, null when
       * its code does not say. A nullable string: a nullable enum's OpenAPI form leaves null out.
       */
      process: z.string().nullable(),
      machines: z.number(),
      weeks: z.array(
        z.object({
          weekStart: z.string(),
          /** Working hours of the machines' calendars from today on. */
          capacityHours: z.number(),
          /** Of them, hours no scheduled operation uses. */
          idleHours: z.number(),
          /** Idle hours already offered on the exchange, and what can still be offered. */
          offeredHours: z.number(),
          offerableHours: z.number(),
        }),
      ),
    }),
  ),
});
export type ScheduleIdle = z.infer<typeof scheduleIdleSchema>;

/** Offer idle hours of one work centre in one week of the published schedule. */
export const scheduleOfferCreateSchema = z
  .object({
    workCentre: text({ min: 1, max: 64 }),
    weekStart: exchangeDateSchema,
    process: capacityProcessSchema,
    hours: z.number().int().min(1).max(100_000),
    pricePerHour: z.number().positive().max(1_000_000),
    certifications: z
      .array(text({ min: 1, max: 40 }))
      .max(10)
      .default([]),
    leadTimeDays: z.number().int().min(0).max(365).default(0),
  })
  .strict();
export type ScheduleOfferCreate = z.infer<typeof scheduleOfferCreateSchema>;

export const RFQ_STATUSES = ["open", "ordered"] as const;
export const rfqCreateSchema = z
  .object({
    process: capacityProcessSchema,
    hours: z.number().int().min(1).max(100_000),
    windowFrom: exchangeDateSchema,
    windowTo: exchangeDateSchema,
    spec: text({ max: 2000, multiline: true }).default(""),
    certifications: z
      .array(text({ min: 1, max: 40 }))
      .max(10)
      .default([]),
  })
  .strict()
  .refine((v) => v.windowTo >= v.windowFrom, {
    path: ["windowTo"],
    message: "must not be before windowFrom",
  });
export type RfqCreate = z.infer<typeof rfqCreateSchema>;

export const rfqSchema = z.object({
  id: z.string(),
  buyerOrgId: z.string(),
  buyerNameZh: z.string(),
  buyerNameEn: z.string(),
  process: capacityProcessSchema,
  hours: z.number(),
  windowFrom: z.string(),
  windowTo: z.string(),
  spec: z.string(),
  certifications: z.array(z.string()),
  status: z.enum(RFQ_STATUSES),
  createdAt: z.string(),
});
export type Rfq = z.infer<typeof rfqSchema>;
export const rfqListSchema = z.object({
  /** RFQs my org posted. */
  mine: z.array(rfqSchema),
  /** RFQs other firms asked my org to quote on. */
  invited: z.array(rfqSchema),
});

export const MATCH_REASON_CODES = [
  "process",
  "window",
  "hours",
  "certifications",
  "district",
  "price",
] as const;
export const rfqMatchSchema = z.object({
  offer: capacityOfferSchema,
  score: z.number(),
  reasons: z.array(
    z.object({ code: z.enum(MATCH_REASON_CODES), value: z.number(), weight: z.number(), figure: z.number() }),
  ),
  /** Whether the buyer asked this offer's firm for a quote. */
  invited: z.boolean(),
});
export type RfqMatch = z.infer<typeof rfqMatchSchema>;

export const QUOTE_STATUSES = ["open", "accepted", "declined"] as const;
export const quoteSchema = z.object({
  id: z.string(),
  rfqId: z.string(),
  supplierOrgId: z.string(),
  supplierNameZh: z.string(),
  supplierNameEn: z.string(),
  offerId: z.string(),
  hours: z.number(),
  pricePerHour: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  note: z.string(),
  status: z.enum(QUOTE_STATUSES),
  orderId: z.string().nullable(),
  createdAt: z.string(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const rfqDetailSchema = rfqSchema.extend({
  /** Ranked open offers (the buyer's view; empty for an invited supplier). */
  matches: z.array(rfqMatchSchema),
  /** The quotes: all of them for the buyer, its own for a supplier. */
  quotes: z.array(quoteSchema),
  /** For an invited supplier: its offers the buyer asked about. */
  invitedOfferIds: z.array(z.string()),
});
export type RfqDetail = z.infer<typeof rfqDetailSchema>;

export const rfqInviteSchema = z.object({ offerId: idSchema }).strict();

export const quoteCreateSchema = z
  .object({
    offerId: idSchema,
    hours: z.number().int().min(1).max(100_000),
    pricePerHour: z.number().positive().max(1_000_000),
    startOn: exchangeDateSchema,
    endOn: exchangeDateSchema,
    note: text({ max: 500, multiline: true }).default(""),
  })
  .strict()
  .refine((v) => v.endOn >= v.startOn, { path: ["endOn"], message: "must not be before startOn" });
export type QuoteCreate = z.infer<typeof quoteCreateSchema>;

export const orderShipmentCreateSchema = z
  .object({
    carrier: text({ min: 1, max: 100 }),
    trackingNo: text({ min: 1, max: 100 }),
    promisedOn: exchangeDateSchema,
  })
  .strict();
export type OrderShipmentCreate = z.infer<typeof orderShipmentCreateSchema>;

export const capacityOrderDetailSchema = capacityOrderSchema.extend({
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  /** The shipment and its tracking timeline (both parties see it). */
  shipment: z
    .object({
      id: z.string(),
      carrier: z.string(),
      trackingNo: z.string(),
      promisedOn: z.string(),
      status: z.enum(SHIPMENT_STATUSES),
      events: z.array(shipmentEventSchema),
    })
    .nullable(),
});
export type CapacityOrderDetail = z.infer<typeof capacityOrderDetailSchema>;
