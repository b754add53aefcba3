import type { FastifyInstance } from "fastify";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/orgs/{id}. */
  path: string;
  params: string[];
  /** A Server-Sent Events stream: it never ends, so walkers that inject requests leave it out. */
  stream: boolean;
}

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Every operation in the app's own OpenAPI document (what the isolation and fuzz tests walk). */
export async function openApiRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  const doc = res.json() as OpenApiDoc;
  const out: ApiRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const m = method.toUpperCase();
      const stream = Object.keys(ops[method].responses?.["200"]?.content ?? {}).includes("text/event-stream");
      if (m === "GET" || m === "POST" || m === "PUT" || m === "PATCH" || m === "DELETE") {
        out.push({ method: m, path, params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]), stream });
      }
    }
  }
  return out;
}

export function fillPath(path: string, value: (param: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(value(p)));
}
