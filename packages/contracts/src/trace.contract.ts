import { z } from "zod";
import { idSchema, isoDateTimeSchema, text } from "./common.contract.ts";

/** Kinds of lot event on the traceability ledger. */
export const TRACE_EVENT_TYPES = ["material-lot", "production-lot", "device", "shipment"] as const;
export const traceEventTypeSchema = z.enum(TRACE_EVENT_TYPES);
export type TraceEventType = z.infer<typeof traceEventTypeSchema>;

/** A lot code as firms print it (GS1 set 82 minus brackets, no spaces). */
export const lotCodeSchema = text({ min: 1, max: 20 }).regex(
  /^[A-Za-z0-9!"%&'*+,\-./:;<=>?_]+$/,
  "must be a lot code (letters, digits and GS1 punctuation, no spaces or brackets)",
);
/** A lot of some org: the caller's own when `orgId` is left out. */
export const lotRefSchema = z.object({ orgId: idSchema.optional(), lot: lotCodeSchema }).strict();
export type LotRef = z.infer<typeof lotRefSchema>;

const occurredAt = isoDateTimeSchema.optional();

/**
 * A GS1 UDI as scanned: bracketed, or raw where FNC1 arrives as GS (U+001D), the one control
 * character allowed here (the generic text type refuses all of them). The engine parses it.
 */
export const udiTextSchema = z
  .string()
  .min(1)
  .max(120)
  .refine(
    (v) =>
      [...v].every((ch) => {
        const c = ch.codePointAt(0) ?? 0;
        return c === 0x1d || !(c < 0x20 || (c >= 0x7f && c <= 0x9f));
      }),
    "must be a GS1 UDI (no control characters but GS)",
  );
const quantity = z.number().positive().max(1e12);

export const traceEventCreateSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("material-lot"),
      lot: lotCodeSchema,
      material: text({ min: 1, max: 200 }),
      quantity,
      unit: text({ min: 1, max: 20 }),
      inputs: z.array(lotRefSchema).max(50).optional(),
      occurredAt,
    })
    .strict(),
  z
    .object({
      type: z.literal("production-lot"),
      lot: lotCodeSchema,
      product: text({ min: 1, max: 200 }),
      quantity,
      inputs: z.array(lotRefSchema).min(1).max(50),
      occurredAt,
    })
    .strict(),
  z
    .object({
      type: z.literal("device"),
      /** GS1 UDI, bracketed or raw; its (10) is the production lot unless `productionLot` says otherwise. */
      udi: udiTextSchema,
      productionLot: lotCodeSchema.optional(),
      occurredAt,
    })
    .strict(),
  z
    .object({
      type: z.literal("shipment"),
      shipment: lotCodeSchema,
      toOrgId: idSchema,
      lots: z.array(lotRefSchema).max(200).default([]),
      udis: z.array(udiTextSchema).max(500).default([]),
      occurredAt,
    })
    .strict(),
]);
export type TraceEventCreate = z.input<typeof traceEventCreateSchema>;
export type TraceEventCreateParsed = z.infer<typeof traceEventCreateSchema>;

export const traceEventSchema = z.object({
  seq: z.number().int(),
  orgId: z.string(),
  type: traceEventTypeSchema,
  at: z.string(),
  keyId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

export const traceEventListQuerySchema = z
  .object({
    /** Only events about this lot (own org's unless `lotOrgId`), or this device. */
    lot: lotCodeSchema.optional(),
    lotOrgId: idSchema.optional(),
    udi: udiTextSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const traceEventListSchema = z.object({ items: z.array(traceEventSchema), head: z.number().int() });
export type TraceEventList = z.infer<typeof traceEventListSchema>;

export const traceKeySchema = z.object({
  keyId: z.string(),
  publicKey: z.string(),
  validFrom: z.string(),
  current: z.boolean(),
});
export const traceKeyListSchema = z.object({ items: z.array(traceKeySchema) });
export type TraceKey = z.infer<typeof traceKeySchema>;

const countersignatureSchema = z.object({
  orgId: z.string(),
  keyId: z.string(),
  at: z.string(),
  signature: z.string(),
});
export const traceCheckpointSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
  countersignature: countersignatureSchema.optional(),
});
export type TraceCheckpoint = z.infer<typeof traceCheckpointSchema>;
export const traceCheckpointListSchema = z.object({ items: z.array(traceCheckpointSchema) });

/** The file `clusterbrain verify` reads. */
export const traceChainExportSchema = z.object({
  format: z.literal("clusterbrain-trace-chain"),
  version: z.literal(1),
  orgId: z.string(),
  events: z.array(traceEventSchema.omit({ type: true }).extend({ type: z.string() })),
  publicKeys: z.array(
    z.object({ orgId: z.string(), keyId: z.string(), publicKey: z.string(), validFrom: z.string() }),
  ),
  head: traceCheckpointSchema.omit({ id: true }).optional(),
  checkpoints: z.array(traceCheckpointSchema.omit({ id: true })),
});
export type TraceChainExport = z.infer<typeof traceChainExportSchema>;

export const TRACE_RECALL_DIRECTIONS = ["forward", "backward"] as const;
export const traceRecallQuerySchema = z
  .object({
    /** Start from a lot (of `orgId`, default the caller's own) … */
    lot: lotCodeSchema.optional(),
    orgId: idSchema.optional(),
    /** … or from a device. */
    udi: udiTextSchema.optional(),
    direction: z.enum(TRACE_RECALL_DIRECTIONS).default("forward"),
  })
  .strict();
export type TraceRecallQuery = z.infer<typeof traceRecallQuerySchema>;

const orgNameSchema = z.object({ orgId: z.string(), nameZh: z.string(), nameEn: z.string() });
export const traceRecallSchema = z.object({
  start: z.string(),
  direction: z.enum(TRACE_RECALL_DIRECTIONS),
  lots: z.array(orgNameSchema.extend({ lot: z.string() })),
  devices: z.array(
    z.object({
      udi: z.string(),
      gtin: z.string(),
      serial: z.string().nullable(),
      lot: z.string().nullable(),
    }),
  ),
  shipments: z.array(orgNameSchema.extend({ shipment: z.string() })),
  /** Where affected devices went (forward only). */
  hospitals: z.array(orgNameSchema),
  ms: z.number(),
});
export type TraceRecall = z.infer<typeof traceRecallSchema>;
