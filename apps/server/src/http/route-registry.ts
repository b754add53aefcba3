import {
  type AnyRoute,
  API_PREFIX,
  type BodyOf,
  type DeclaredRoute,
  declaredRoutes,
  errorResponsesOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  routeTable,
} from "@clusterbrain/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { Actor } from "../auth/actor.ts";
import type { ZodApp } from "../modules/module.ts";

/** What a handler gets: the validated input, and the actor (never null on a signed-in route). */
export interface RouteContext<R extends AnyRoute> {
  actor: R["auth"] extends "public" ? Actor | null : Actor;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A handler answers the declared response; a download sends its bytes through `reply`. */
export type RouteHandler<R extends AnyRoute> = (
  ctx: RouteContext<R>,
) => Promise<R["produces"] extends string | readonly string[] ? FastifyReply : ResponseOf<R>>;

export interface RegisterOptions {
  /** Per-route body limit in bytes (larger than the app default for file uploads). */
  bodyLimit?: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route-table entry a route was registered from (set only by `registerRoute`). */
    declared?: AnyRoute;
  }
}

const SIGNED_IN: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];

/** The Fastify schema of a declared route: input schemas, the 200 answer and every error answer. */
export function schemaOf(route: AnyRoute) {
  return {
    tags: [...route.tags],
    summary: route.summary,
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    ...(route.auth === "signed-in" ? { security: SIGNED_IN } : {}),
    ...(route.consumes ? { consumes: [route.consumes] } : {}),
    // A download names its content type on the 200 only; errors stay JSON.
    response: {
      200: route.produces
        ? {
            description: route.summary,
            content: Object.fromEntries(
              (typeof route.produces === "string" ? [route.produces] : route.produces).map((type) => [
                type,
                { schema: route.response },
              ]),
            ),
          }
        : route.response,
      ...errorResponsesOf(route),
    },
  };
}

/** Registers one declared route; the handler's input and output are typed from the declaration. */
export function registerRoute<R extends AnyRoute>(
  app: ZodApp,
  route: R,
  handler: RouteHandler<R>,
  options: RegisterOptions = {},
): void {
  app.route({
    method: route.method,
    url: route.path,
    config: { declared: route },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    schema: schemaOf(route),
    handler: async (request, reply) => {
      // Fastify has validated params, query and body against these very schemas, and the
      // onRequest auth check has refused anonymous callers of signed-in routes.
      const ctx = {
        actor: request.actor,
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
      } as RouteContext<R>;
      return handler(ctx);
    },
  });
}

/**
 * Start-up guard: refuses any /api/v1 route that was not registered from the route table
 * (e.g. a plain `app.get`), or whose method/path differ from its declaration; with `requireAll`
 * (the full module list) it also checks at ready time that every declared route got a handler.
 */
export function guardDeclaredRoutes(
  app: FastifyInstance,
  options: { requireAll: boolean; table?: DeclaredRoute[] },
): void {
  const table = options.table ?? declaredRoutes(routeTable);
  const byRoute = new Map(table.map((d) => [d.route, d.name]));
  const registered = new Set<string>();
  app.addHook("onRoute", (opts: RouteOptions) => {
    if (!opts.url.startsWith(`${API_PREFIX}/`) && opts.url !== API_PREFIX) return;
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    // Fastify adds a HEAD twin for each GET itself.
    if (methods.length === 1 && methods[0] === "HEAD") return;
    const declared = opts.config?.declared;
    const name = declared ? byRoute.get(declared) : undefined;
    const path = opts.url.slice(API_PREFIX.length);
    if (!declared || !name) {
      throw new Error(
        `route ${methods.join(",")} ${opts.url} is not declared in the route table (packages/contracts/src/routes): declare it and register it with registerRoute`,
      );
    }
    if (methods.length !== 1 || methods[0] !== declared.method || path !== declared.path) {
      throw new Error(
        `route ${methods.join(",")} ${opts.url} does not match its declaration ${name} (${declared.method} ${declared.path})`,
      );
    }
    if (registered.has(name)) throw new Error(`route ${name} registered twice`);
    registered.add(name);
  });
  if (!options.requireAll) return;
  app.addHook("onReady", async () => {
    const missing = table.filter((d) => !registered.has(d.name)).map((d) => d.name);
    if (missing.length) throw new Error(`declared routes without a handler: ${missing.join(", ")}`);
  });
}
