import type { z } from "zod";
import { errorBodySchema } from "../errors.contract.ts";

/** Every JSON API route lives under this prefix; declared paths are relative to it. */
export const API_PREFIX = "/api/v1";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Whose data an id in the path names, i.e. what a caller from another tenant must get back:
 * - `org-profile`: an org id whose public profile every signed-in caller may read;
 * - `org-private`: an org id whose data only its own staff (or a grantee) sees — others get 404;
 * - `own-org-record`: a record belonging to the caller's org (relation, grant, member) — others 404;
 * - `own-user-record`: a record of the calling user (an API token) — others 404;
 * - `shared`: cluster reference data with no tenant (chain nodes, import templates).
 */
export const ID_SCOPES = [
  "org-profile",
  "org-private",
  "own-org-record",
  "own-user-record",
  "shared",
] as const;
export type IdScope = (typeof ID_SCOPES)[number];
/** Scopes under which another tenant's id must answer 404 (no existence leak). */
export const PRIVATE_ID_SCOPES: readonly IdScope[] = ["org-private", "own-org-record", "own-user-record"];

/** Statuses a route may declare beyond those every route can answer (see `errorStatusesOf`). */
export type DeclaredErrorStatus = 400 | 401 | 403 | 404 | 409 | 423 | 429;

/** `:name` segments of a Fastify-style path. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type ObjectSchema = z.ZodObject;

interface RouteSpecBase<P extends string> {
  method: HttpMethod;
  /** Relative to API_PREFIX, Fastify style (`/orgs/:id`). */
  path: P;
  /** Omitted means signed-in: a route is public only when it says so. */
  auth?: "public";
  summary: string;
  tags: readonly string[];
  query?: ObjectSchema;
  body?: z.ZodType;
  /** The 200 answer; for a download, what OpenAPI shows for the file. */
  response: z.ZodType;
  /** Content type(s) of a file download (the answer is bytes, not JSON); a list when a query picks the format. */
  produces?: string | readonly string[];
  /** Content type of a raw body (default JSON). */
  consumes?: string;
  errors?: readonly DeclaredErrorStatus[];
}

/** A path with `:params` must validate them and say whose data each one names. */
type ParamsPart<P extends string> = [PathParams<P>] extends [never]
  ? { params?: undefined; scope?: undefined }
  : { params: z.ZodObject<Record<PathParams<P>, z.ZodType>>; scope: Record<PathParams<P>, IdScope> };

export type RouteSpec<P extends string = string> = RouteSpecBase<P> & ParamsPart<P>;

/** A declared route: the spec with `auth` made explicit. */
export type Route<S extends RouteSpecBase<string> = RouteSpecBase<string>> = Omit<S, "auth"> & {
  auth: S["auth"] extends "public" ? "public" : "signed-in";
  params?: ObjectSchema;
  scope?: Record<string, IdScope>;
};

/** Loosest shape of any declared route (what tables and walkers hold). */
export interface AnyRoute {
  method: HttpMethod;
  path: string;
  auth: "public" | "signed-in";
  summary: string;
  tags: readonly string[];
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: z.ZodType;
  response: z.ZodType;
  produces?: string | readonly string[];
  consumes?: string;
  scope?: Record<string, IdScope>;
  errors?: readonly DeclaredErrorStatus[];
}

export function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

/** Declares one route. The type checks that every `:param` has a schema and a tenant scope. */
export function defineRoute<const P extends string, const S extends RouteSpec<P>>(
  spec: S & { path: P },
): Route<S> {
  const declared = Object.keys(spec.scope ?? {}).sort();
  if (pathParamsOf(spec.path).sort().join() !== declared.join()) {
    throw new Error(`route ${spec.method} ${spec.path}: scope must name exactly its path params`);
  }
  // `auth` is a literal computed from the spec's own literal; TS cannot follow that through spread.
  return { ...spec, auth: spec.auth ?? "signed-in" } as unknown as Route<S>;
}

/** Values a route answers 200 with (what the handler returns, before serialisation). */
export type ResponseOf<R extends AnyRoute> = z.input<R["response"]>;
/** Values the client receives (after parsing the JSON answer). */
export type ResultOf<R extends AnyRoute> = z.output<R["response"]>;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
export type ParamsOf<R extends AnyRoute> = Out<R["params"]>;
export type QueryOf<R extends AnyRoute> = Out<R["query"]>;
export type BodyOf<R extends AnyRoute> = Out<R["body"]>;
/** What a client sends: inputs of the schemas (defaults may be left out). */
export type ClientInput<R extends AnyRoute> = (R["params"] extends z.ZodType
  ? { params: In<R["params"]> }
  : { params?: undefined }) &
  (R["query"] extends z.ZodType ? { query?: Partial<In<R["query"]>> } : { query?: undefined }) &
  (R["body"] extends z.ZodType ? { body: In<R["body"]> } : { body?: undefined });

/**
 * Every error status a route can answer, each with the one error body:
 * declared ones, 400 when it validates input, 401/403 (CSRF) when signed-in, 413/415 when it
 * takes a body, and 414/431/500 which any request can meet.
 */
export function errorStatusesOf(route: AnyRoute): number[] {
  const out = new Set<number>(route.errors ?? []);
  // Any method but GET has its body parsed even when none is declared: malformed JSON is a 400.
  if (route.params || route.query || route.body || route.method !== "GET") out.add(400);
  if (route.auth === "signed-in") out.add(401);
  if (route.auth === "signed-in" && route.method !== "GET") out.add(403);
  if (route.body || route.method !== "GET") {
    out.add(413);
    out.add(415);
  }
  out.add(414);
  out.add(431);
  out.add(500);
  return [...out].sort((a, b) => a - b);
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request or validation failed (VALIDATION_FAILED, BAD_REQUEST)",
  401: "Not signed in, or the credential is invalid (UNAUTHENTICATED)",
  403: "Not allowed, or the CSRF token is missing (FORBIDDEN, CSRF_FAILED)",
  404: "No such record visible to the caller (NOT_FOUND)",
  405: "Method not allowed on this path (METHOD_NOT_ALLOWED)",
  409: "Conflicts with existing data (CONFLICT, BOOKING_OVERLAP)",
  413: "Body too large (PAYLOAD_TOO_LARGE)",
  414: "URL too long (URI_TOO_LONG)",
  415: "Unsupported content type (UNSUPPORTED_MEDIA_TYPE)",
  423: "Account locked (ACCOUNT_LOCKED)",
  429: "Too many attempts (RATE_LIMITED)",
  431: "Request headers too large (HEADERS_TOO_LARGE)",
  500: "Internal error (INTERNAL)",
};

/** The one error-response helper: `{status: error body}` for every error a route can answer. */
export function errorResponsesOf(route: AnyRoute): Record<number, z.ZodType> {
  const out: Record<number, z.ZodType> = {};
  for (const status of errorStatusesOf(route)) {
    out[status] = errorBodySchema.describe(STATUS_TEXT[status] ?? "Error");
  }
  return out;
}

/** Parses an answer with the route's response schema (what a client does instead of casting). */
export function parseResult<R extends AnyRoute>(route: R, body: unknown): z.ZodSafeParseResult<ResultOf<R>> {
  return safeParseWith<R["response"]>(route.response, body);
}

// Spelled out so TS keeps the schema's own type (a generic `R["response"]` would widen to unknown).
function safeParseWith<S extends z.ZodType>(schema: S, body: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(body);
}

/** Full URL of a route with its params filled in (encoded). */
export function routeUrl(route: AnyRoute, params?: object): string {
  const values = new Map(Object.entries(params ?? {}));
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = values.get(name);
    if (typeof value !== "string" && typeof value !== "number") {
      throw new Error(`route ${route.path}: missing param ${name}`);
    }
    return encodeURIComponent(String(value));
  });
  return `${API_PREFIX}${path}`;
}
