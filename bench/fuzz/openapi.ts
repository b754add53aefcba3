// The operations to fuzz, read from the app's own OpenAPI document: a route added tomorrow is
// fuzzed tomorrow without touching the fuzzer.
import type { JsonSchema } from "./schema-arb.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: Method;
  /** OpenAPI path, e.g. /api/v1/orgs/{id}. */
  path: string;
  key: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** media type → schema of the request body, when the operation documents one. */
  body?: { mediaType: string; schema: JsonSchema; required: boolean };
  /** status ("200", "4XX", "default") → media type → schema (undefined when none given). */
  responses: Record<string, Record<string, JsonSchema | undefined>>;
}

interface RawOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, raw] of Object.entries(ops)) {
      const method = m.toUpperCase() as Method;
      if (!METHODS.includes(method)) continue;
      const params = (raw.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in as Parameter["in"],
        required: p.required ?? p.in === "path",
        schema: p.schema ?? { type: "string" },
      }));
      // Path parameters the document forgot to describe still get values.
      const declared = new Set(params.filter((p) => p.in === "path").map((p) => p.name));
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        if (!declared.has(name))
          params.push({ name, in: "path", required: true, schema: { type: "string", minLength: 1 } });
      const content = raw.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      const responses: Operation["responses"] = {};
      for (const [status, r] of Object.entries(raw.responses ?? {})) {
        responses[status] = {};
        for (const [type, c] of Object.entries(r.content ?? {})) responses[status][type] = c.schema;
      }
      out.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: params.filter((p) => p.in === "path"),
        query: params.filter((p) => p.in === "query"),
        body:
          mediaType === undefined
            ? undefined
            : {
                mediaType,
                schema: content[mediaType].schema ?? {},
                required: raw.requestBody?.required ?? false,
              },
        responses,
      });
    }
  }
  return out;
}

/** The documented entry for a status: exact ("404"), range ("4XX"), then "default". */
export function documentedResponse(
  op: Operation,
  status: number,
): Record<string, JsonSchema | undefined> | undefined {
  return (
    op.responses[String(status)] ?? op.responses[`${Math.floor(status / 100)}XX`] ?? op.responses.default
  );
}
