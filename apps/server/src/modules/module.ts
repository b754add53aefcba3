import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Registry } from "prom-client";
import type { AppConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import type { AppCaches } from "../http/app-caches.ts";
import type { LiveHub } from "./live/live.hub.ts";

/** Fastify instance with zod schemas as the type provider; what every module's routes receive. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface SecuritySettings {
  /** Failed sign-ins on one account before it locks. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Sign-in attempts per IP per window before 429. */
  ipMaxAttempts: number;
  ipWindowMinutes: number;
  sessionHours: number;
  /** Secure cookies (set behind HTTPS). */
  secureCookies: boolean;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  ipMaxAttempts: 30,
  ipWindowMinutes: 15,
  sessionHours: 12,
  secureCookies: false,
};

/** What the app hands to every module. */
export interface AppDeps {
  db: Database;
  security: SecuritySettings;
  /** HMAC key for session ids (SESSION_SECRET). */
  sessionSecret: string;
  /** Injected clock so lockout/expiry tests need no sleeping. */
  now: () => Date;
  caches: AppCaches;
  /** Development mode (NODE_ENV=development): the login page may list the demo accounts. */
  devMode: boolean;
  /** The validated configuration, loaded once per process (tests pass defaults). */
  config: AppConfig;
  /** The one server-push channel (GET /api/v1/live); modules publish, subscribers get what they may see. */
  live: LiveHub;
  /** The Prometheus registry /metrics serves; modules register their own counters on it. */
  metrics: Registry;
}

/** What a module's `start` hands back: how to stop it, and what /readyz says about it. */
export interface RunningModule {
  /** Stops background work; the app waits a bounded time (SHUTDOWN_SECONDS) for all modules. */
  stop(): Promise<void>;
  /** For /readyz: `ok: false` makes the server not ready; details are shown as given. */
  health?(): ModuleHealth;
}

export interface ModuleHealth {
  ok: boolean;
  [detail: string]: unknown;
}

/**
 * A feature module: `<x>.routes.ts` exports one of these; modules/index.ts lists them. Each is
 * registered in its own encapsulated scope under /api/v1 (so a module may add its own content
 * type parser or hooks without affecting others). Its routes are declared in
 * packages/contracts/src/routes and registered with `registerRoute` (http/route-registry.ts);
 * start-up refuses any other /api/v1 route.
 */
export interface FeatureModule {
  name: string;
  routes(app: ZodApp, deps: AppDeps): void | Promise<void>;
  /**
   * Background work (a broker, pollers, timers, job workers). Started after migrations and after
   * every module's routes, in list order; stopped in reverse order on close (SIGTERM/SIGINT).
   */
  start?(deps: AppDeps): Promise<RunningModule>;
}
