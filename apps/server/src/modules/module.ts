import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/database.ts";
import type { AppCaches } from "../http/app-caches.ts";

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
}
