import { type FieldIssue, type ServerMessage, serverMessageOf } from "@clusterbrain/contracts";

/** The parts of a fastify-type-provider-zod validation item this mapper reads. */
export interface ZodValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/**
 * The translatable form of one zod issue: a custom issue names its own key (`params.key`), the
 * built-in ones (too long, missing, wrong format) map to the generic `field.*` keys.
 */
export function fieldMessage(v: ZodValidationItem): ServerMessage {
  const p = v.params ?? {};
  const own = serverMessageOf(p.params);
  if (own !== null) return own;
  const isText = p.origin === "string" || p.origin === "array";
  switch (v.keyword) {
    case "too_big": {
      const max = num(p.maximum) ?? 0;
      return isText ? { key: "field.tooLong", params: { max } } : { key: "field.tooLarge", params: { max } };
    }
    case "too_small": {
      const min = num(p.minimum) ?? 0;
      if (p.origin === "string" && min <= 1) return { key: "field.required", params: {} };
      return isText ? { key: "field.tooShort", params: { min } } : { key: "field.tooSmall", params: { min } };
    }
    case "invalid_type":
      return p.input === undefined
        ? { key: "field.required", params: {} }
        : { key: "field.invalidType", params: { expected: String(p.expected ?? "") } };
    case "invalid_format":
      if (p.format === "email") return { key: "field.email", params: {} };
      if (v.instancePath.endsWith("industryCode")) return { key: "field.industryCode", params: {} };
      return { key: "field.invalid", params: {} };
    default:
      return { key: "field.invalid", params: {} };
  }
}

/** A request validation item as the API's FieldIssue: dotted path, English message, key and params. */
export function toFieldIssue(v: ZodValidationItem): FieldIssue {
  const missing = v.params?.missingProperty;
  const path =
    v.instancePath.replace(/^\//, "").replaceAll("/", ".") || (typeof missing === "string" ? missing : "");
  const { key, params } = fieldMessage(v);
  return { path, message: v.message ?? "invalid", key, params };
}
