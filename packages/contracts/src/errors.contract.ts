import { z } from "zod";
import { messageParamsSchema, serverMessageKeySchema } from "./message.contract.ts";

/** Every error code the API can answer; the web maps these to messages. */
export const ERROR_CODES = [
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "WEAK_PASSWORD",
  "ACCOUNT_LOCKED",
  "CSRF_FAILED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  /** A booking whose time range overlaps a pending or approved one of the same resource. */
  "BOOKING_OVERLAP",
  "RATE_LIMITED",
  "OVERLOADED",
  "DATABASE_UNAVAILABLE",
  "PAYLOAD_TOO_LARGE",
  "URI_TOO_LONG",
  "UNSUPPORTED_MEDIA_TYPE",
  "HEADERS_TOO_LARGE",
  "INTERNAL",
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * One problem with one field; `path` is the dotted location (e.g. "uscc", "products.0.zh").
 * `message` is English; `key` and `params`, when present, let a client say it in its own language.
 */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  key: serverMessageKeySchema.optional(),
  params: messageParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The single error body shape: `{error:{code,message,details}}`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
