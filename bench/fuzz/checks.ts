// What every answer must satisfy, whoever asked and whatever was sent.
import { errorBodySchema } from "@clusterbrain/contracts";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { documentedResponse, type Operation } from "./openapi.ts";
import type { JsonSchema } from "./schema-arb.ts";

export const CATEGORIES = [
  "5xx",
  "undocumented-status",
  "schema",
  "error-shape",
  "leak",
  "forbidden-2xx",
  "anonymous-not-401",
  "csrf",
  "down",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding {
  category: Category;
  message: string;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** JSON body when the answer was JSON and parsed. */
  json?: unknown;
}

// ajv-formats is CommonJS with a default export; under ESM interop it arrives as the module.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * OpenAPI 3.0 `nullable` means "or null"; ajv honours it only beside `type`, so elsewhere (enums,
 * unions, untyped) it is rewritten into plain JSON Schema.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "enum" || k === "default" ? v : toJsonSchema(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    if (Array.isArray(out.enum)) return { ...out, enum: [...out.enum, null] };
    if (Object.keys(out).some((k) => k !== "description")) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function validatorFor(schema: JsonSchema): ValidateFunction | string {
  let v = compiled.get(schema);
  if (!v) {
    try {
      v = ajv.compile(toJsonSchema(schema) as object);
    } catch (err) {
      return `the documented schema does not compile: ${(err as Error).message}`;
    }
    compiled.set(schema, v);
  }
  return v;
}

/**
 * Internals an answer must never show: stack frames, source paths, SQL and driver errors.
 * Text the request itself carried is not counted (an id echoed in "unknown org …" is not a leak).
 */
const LEAK_PATTERNS: { name: string; re: RegExp }[] = [
  { name: "stack frame", re: /\n\s+at [^\n]+[(\s][^\n]*:\d+:\d+/ },
  { name: "source file", re: /[\w./-]+\.(?:ts|tsx|js|mjs|cjs):\d+/ },
  { name: "file path", re: /(?:\/(?:work|home|root|usr|app|opt|tmp|var)\/[\w.-]+\/[\w./-]+|node_modules\/)/ },
  {
    name: "SQL",
    re: /\b(?:SELECT\s+[\w"*.,\s]+\s+FROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\b/,
  },
  {
    name: "database error",
    re: /duplicate key value|violates (?:unique|foreign key|not-null|check) constraint|syntax error at or near|invalid byte sequence|invalid input syntax for|unsupported Unicode escape|column "[^"]+" (?:of relation|does not exist)|relation "[^"]+" does not exist|PGlite|postgres(?:ql)?:\/\//i,
  },
  {
    name: "error class",
    re: /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|DrizzleError|ZodError)\b/,
  },
];

export function leaksIn(text: string, sent: string): string[] {
  const found: string[] = [];
  for (const { name, re } of LEAK_PATTERNS) {
    const m = re.exec(text);
    if (m && !sent.includes(m[0])) found.push(`${name}: ${JSON.stringify(m[0].slice(0, 80))}`);
  }
  return found;
}

function mediaTypeOf(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}

/** The contract checks on one answer to one operation. */
export function checkAnswer(op: Operation, answer: Answer, sent: string): Finding[] {
  const out: Finding[] = [];
  const { status } = answer;
  if (status >= 500) out.push({ category: "5xx", message: `${status} ${answer.text.slice(0, 160)}` });
  const documented = documentedResponse(op, status);
  if (!documented) out.push({ category: "undocumented-status", message: `${status} is not documented` });
  if (status >= 400) {
    const shaped =
      mediaTypeOf(answer.contentType) === "application/json" &&
      errorBodySchema.safeParse(answer.json).success;
    if (!shaped)
      out.push({
        category: "error-shape",
        message: `${status} ${answer.contentType || "(no content type)"} ${answer.text.slice(0, 120)}`,
      });
  }
  if (documented && answer.text.length > 0) {
    const type = mediaTypeOf(answer.contentType);
    const types = Object.keys(documented);
    if (types.length > 0 && !types.includes(type))
      out.push({
        category: "schema",
        message: `${status} answered ${type || "(no content type)"}, documented ${types.join(", ")}`,
      });
    const schema = documented[type];
    if (schema && type === "application/json") {
      const validate = validatorFor(schema);
      if (typeof validate === "string") out.push({ category: "schema", message: `${status} ${validate}` });
      else if (answer.json === undefined)
        out.push({ category: "schema", message: `${status} body is not JSON: ${answer.text.slice(0, 80)}` });
      else if (!validate(answer.json))
        out.push({
          category: "schema",
          message: `${status} ${ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 200)}`,
        });
    }
  }
  if (!answer.contentType.includes("spreadsheet"))
    for (const leak of leaksIn(answer.text, sent))
      out.push({ category: "leak", message: `${status} ${leak}` });
  return out;
}
