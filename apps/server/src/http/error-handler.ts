import type { ErrorBody, ErrorCode, FieldIssue } from "@clusterbrain/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/db-errors.ts";
import {
  DatabaseUnavailableError,
  DomainError,
  MethodNotAllowedError,
  RateLimitedError,
} from "../errors/index.ts";
import { engineErrorReply } from "./engine-error.adapter.ts";
import { toFieldIssue } from "./field-issue.mapper.ts";

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Fastify's own 4xx error codes that we translate (parser errors, limits, media type). */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_REQUEST",
  FST_ERR_BAD_URL: "BAD_REQUEST",
  FST_ERR_MAX_PARAM_LENGTH: "URI_TOO_LONG",
};

/**
 * The ONE place that turns errors into HTTP answers: typed domain errors keep their code and
 * status, request validation becomes 400 with per-field issues, anything unknown is a logged 500
 * whose message reveals nothing.
 */
export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  // A lost database is a 503 wherever the query ran (repositories, session lookup, raw handles).
  if (!(err instanceof DomainError) && isDatabaseUnavailable(err)) {
    request.log.warn({ err: err.message }, "database unavailable");
    errorHandler(new DatabaseUnavailableError(), request, reply);
    return;
  }
  if (err instanceof DomainError) {
    if (err instanceof DatabaseUnavailableError) reply.header("retry-after", String(err.retryAfterSeconds));
    if (err instanceof RateLimitedError) reply.header("retry-after", String(err.retryAfterSeconds));
    if (err instanceof MethodNotAllowedError) reply.header("allow", err.allowed.join(", "));
    reply.status(err.status).send(body(err.code, err.message, err.details));
    return;
  }
  const engine = engineErrorReply(err);
  if (engine) {
    reply.status(engine.status).send(engine.body);
    return;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: FieldIssue[] = err.validation.map((v) => toFieldIssue(v));
    const where = (err as { validationContext?: string }).validationContext ?? "request";
    const first = issues[0];
    const message = first ? `${where} ${first.path || "value"}: ${first.message}` : `invalid ${where}`;
    reply.status(400).send(body("VALIDATION_FAILED", message, issues));
    return;
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, "response did not match its schema");
    reply.status(500).send(body("INTERNAL", "internal error"));
    return;
  }
  const fe = err as FastifyError;
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) {
    reply.status(fe.statusCode ?? 400).send(body(mapped, fe.message));
    return;
  }
  if (fe.statusCode === 429) {
    reply.status(429).send(body("RATE_LIMITED", fe.message));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    reply.status(fe.statusCode).send(body(fe.statusCode === 404 ? "NOT_FOUND" : "BAD_REQUEST", fe.message));
    return;
  }
  request.log.error({ err }, "unhandled error");
  reply.status(500).send(body("INTERNAL", "internal error"));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  reply.status(404).send(body("NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`));
}
