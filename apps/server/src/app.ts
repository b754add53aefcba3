import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { API_PREFIX } from "@clusterbrain/contracts";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { Registry } from "prom-client";
import type { TrustProxy } from "./config/config.ts";
import { type AppConfig, defaultConfig } from "./config/config.ts";
import type { Database } from "./db/database.ts";
import { AppCaches, invalidateReadModelsOnWrite } from "./http/app-caches.ts";
import { authHook } from "./http/auth-hook.ts";
import { errorHandler, notFoundHandler } from "./http/error-handler.ts";
import {
  clientErrorHandler,
  FRAMEWORK_ERROR_RESPONSES,
  refuseLongUrls,
  refuseOtherMethods,
} from "./http/framework-errors.ts";
import { type LoadLimits, registerHardening } from "./http/hardening.ts";
import { guardDeclaredRoutes } from "./http/route-registry.ts";
import { registerOpsRoutes } from "./modules/health.routes.ts";
import { modules as defaultModules } from "./modules/index.ts";
import { ModuleLifecycle } from "./modules/lifecycle.ts";
import { LiveHub } from "./modules/live/live.hub.ts";
import {
  type AppDeps,
  DEFAULT_SECURITY,
  type FeatureModule,
  type SecuritySettings,
} from "./modules/module.ts";

export interface BuildAppOptions {
  db: Database;
  sessionSecret: string;
  /** pino level; "silent" for tests. */
  logLevel?: string;
  security?: Partial<SecuritySettings>;
  now?: () => Date;
  /** Built web app to serve at / (SPA fallback to index.html); skipped when the folder is missing. */
  webDist?: string;
  /** Request body limit in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Development mode: demo sign-ins are listed on the login page. Default false. */
  devMode?: boolean;
  /** false: search, profile and grant reads skip their caches (benchmarks of the uncached path). */
  directoryCache?: boolean;
  /**
   * Fastify's trustProxy (TRUST_PROXY): whom to believe in X-Forwarded-For, so `request.ip` (and
   * with it the per-IP sign-in limit) is the client's behind a reverse proxy. Default false.
   */
  trustProxy?: TrustProxy;
  /** Override the module list (tests of a single module). */
  modules?: FeatureModule[];
  /** PUBLIC_URL: when https, HSTS, upgrade-insecure-requests and Secure cookies. */
  publicUrl?: string;
  /** METRICS_TOKEN (see http/hardening.ts). */
  metricsToken?: string;
  /** Rate limits and load shedding; none when absent. */
  load?: LoadLimits;
  /** The loaded configuration (startServer); tests and benchmarks get the schema defaults. */
  config?: AppConfig;
}

/** Fastify's types lack the hop-count form proxy-addr supports, so a count becomes "trust the nearest n hops". */
function fastifyTrustProxy(
  value: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === "number" ? (_address, hop) => hop < value : value;
}

/**
 * Composes the HTTP app: plugins, the one error handler, ops routes, and every feature module;
 * then starts the modules' background work (callers migrate first). `app.close()` stops it again.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    // Errors Fastify and Node make themselves answer in the one error shape too.
    frameworkErrors: errorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook("onRequest", refuseLongUrls);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(fastifyCookie);
  const https = options.publicUrl?.startsWith("https://") ?? false;
  await registerHardening(app, {
    https,
    metricsToken: options.metricsToken,
    load: options.load,
    apiPrefix: API_PREFIX,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "Cluster Brain API 产业集群大脑", version: "1.0.0" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "cb_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
        responses: FRAMEWORK_ERROR_RESPONSES,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const list = options.modules ?? defaultModules;
  const lifecycle = new ModuleLifecycle(list, app.log);
  const metrics = new Registry();
  registerOpsRoutes(app, options.db, lifecycle, metrics);

  const deps: AppDeps = {
    db: options.db,
    security: { ...DEFAULT_SECURITY, secureCookies: https, ...options.security },
    sessionSecret: options.sessionSecret,
    now: options.now ?? (() => new Date()),
    caches: new AppCaches({ directoryCache: options.directoryCache }),
    devMode: options.devMode ?? false,
    config: options.config ?? defaultConfig({ sessionSecret: options.sessionSecret }),
    live: new LiveHub(),
    metrics,
  };
  // Every /api/v1 route comes from the contracts route table; start-up refuses anything else.
  guardDeclaredRoutes(app, { requireAll: options.modules === undefined });
  await app.register(
    async (api) => {
      api.decorateRequest("actor", null);
      api.addHook("onRequest", authHook(deps));
      api.addHook("onSend", invalidateReadModelsOnWrite(deps.caches));
      for (const m of list) {
        await api.register(async (scope) => {
          await m.routes(scope.withTypeProvider<ZodTypeProvider>(), deps);
        });
      }
    },
    { prefix: API_PREFIX },
  );

  const webDist = options.webDist;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (hasWeb && request.method === "GET" && !path.startsWith("/api/") && !path.includes(".")) {
      return reply.type("text/html").sendFile("index.html");
    }
    refuseOtherMethods(request);
    return notFoundHandler(request, reply);
  });
  // preClose runs before the listener closes: open live streams would otherwise hold it open.
  app.addHook("preClose", async () => {
    await lifecycle.stop(deps.config.shutdownSeconds * 1000);
    deps.live.close();
  });
  await lifecycle.start(deps);
  return app;
}
