import { getHeapStatistics } from "node:v8";
import helmet from "@fastify/helmet";
import rateLimit, { type errorResponseBuilderContext } from "@fastify/rate-limit";
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from "fastify";
import { safeEqual } from "../auth/secrets.ts";
import { OverloadedError, RateLimitedError, UnauthenticatedError } from "../errors/index.ts";
import { notFoundHandler } from "./error-handler.ts";

/** When to refuse work instead of queueing it (see docs/operations.md, "Overload"). */
export interface LoadLimits {
  /** Requests per minute from one client IP (every route, pages included). */
  ipPerMinute: number;
  /** API requests per minute by one signed-in user (session or API token). */
  userPerMinute: number;
  /** Shed with 503 when the mean event-loop delay over the last 100 ms passes this (0: never). */
  maxEventLoopDelayMs: number;
  /** Shed with 503 when the V8 heap in use passes this share of the heap limit (--max-old-space-size). */
  maxHeapFraction: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  ipPerMinute: 1200,
  userPerMinute: 600,
  maxEventLoopDelayMs: 100,
  maxHeapFraction: 0.85,
};

export interface HardeningOptions {
  /** PUBLIC_URL is https: send HSTS and ask the browser to upgrade any http sub-request. */
  https: boolean;
  /** METRICS_TOKEN: /metrics then needs `Authorization: Bearer <token>`; without it only local callers. */
  metricsToken?: string;
  /** Rate limits and load shedding; off when absent (unit-sized test apps). */
  load?: LoadLimits;
  /** Prefix of the API routes that get the per-user limit. */
  apiPrefix: string;
}

/** Liveness and metrics must answer while the process sheds load, or the orchestrator restarts it. */
const NEVER_SHED = new Set(["/healthz", "/metrics"]);

function pathOf(request: FastifyRequest): string {
  return request.url.split("?")[0];
}

function limited(what: string) {
  return (_request: FastifyRequest, context: errorResponseBuilderContext) =>
    new RateLimitedError(
      `too many requests ${what}; retry in ${context.after}`,
      Math.max(1, Math.ceil(context.ttl / 1000)),
    );
}

/**
 * Security headers, /metrics access, per-IP and per-user rate limits and load shedding. Registered
 * before any route: the per-user limit is attached to API routes as they are added.
 */
export async function registerHardening(app: FastifyInstance, o: HardeningOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        // antd (CSS-in-JS <style> tags), ECharts and the swagger UI set inline styles; scripts stay 'self' only.
        "style-src": ["'self'", "'unsafe-inline'"],
        ...(o.https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // Over plain http HSTS is ignored by browsers and would only mislead; send it behind https only.
    hsts: o.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });

  app.addHook("onRequest", async (request, reply) => {
    if (pathOf(request) !== "/metrics") return;
    if (o.metricsToken) {
      const auth = request.headers.authorization ?? "";
      if (!auth.startsWith("Bearer ") || !safeEqual(auth.slice(7).trim(), o.metricsToken))
        throw new UnauthenticatedError("/metrics needs Authorization: Bearer <METRICS_TOKEN>");
      return;
    }
    // No token configured: local scrapers only. A forwarding header means a proxy relayed it from outside.
    const local = ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(request.socket.remoteAddress ?? "");
    const proxied =
      request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
    if (!local || proxied) {
      notFoundHandler(request, reply);
      return reply;
    }
  });

  // API answers carry tenant data: neither the browser nor a proxy may keep a copy (ASVS 8.2.1).
  // Answers that set their own Cache-Control (e.g. the live stream) keep it.
  app.addHook("onSend", async (request, reply, payload) => {
    if (pathOf(request).startsWith(o.apiPrefix) && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });

  const load = o.load;
  if (!load) return;
  await app.register(underPressure, {
    maxEventLoopDelay: load.maxEventLoopDelayMs,
    // Re-sampled every 100 ms (default 1 s): between samples every request is admitted, and at 3×
    // load a whole second of admissions is a backlog of seconds for the requests behind it. A window
    // with no loop turn at all counts as infinite delay, consistent with a threshold ≤ 100 ms.
    sampleInterval: 100,
    maxHeapUsedBytes: Math.round(getHeapStatistics().heap_size_limit * load.maxHeapFraction),
    retryAfter: 5,
    customError: OverloadedError,
    pressureHandler: async (request, reply) => {
      if (NEVER_SHED.has(pathOf(request))) return;
      reply.header("retry-after", "5");
      throw new OverloadedError();
    },
  });
  await app.register(rateLimit, { global: false });
  app.addHook(
    "onRequest",
    app.rateLimit({
      max: load.ipPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => `ip:${request.ip}`,
      allowList: (request) => NEVER_SHED.has(pathOf(request)),
      errorResponseBuilder: limited("from this address"),
    }),
  );
  // Route-level preHandlers run after the API scope's auth hook, so the signed-in user is known here.
  // createRateLimit, not rateLimit(): the latter skips a request the per-IP limiter already counted.
  const userLimit = app.createRateLimit({
    max: load.userPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `user:${request.actor?.userId ?? ""}`,
    allowList: (request) => !request.actor,
  });
  const perUser: preHandlerHookHandler = async (request, reply) => {
    const result = await userLimit(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, Math.ceil(result.ttl / 1000));
    reply.header("retry-after", String(seconds));
    throw new RateLimitedError(`too many requests by this user; retry in ${seconds} s`, seconds);
  };
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith(o.apiPrefix)) return;
    const existing = route.preHandler;
    const list: preHandlerHookHandler[] =
      existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    route.preHandler = [perUser, ...list];
  });
}
