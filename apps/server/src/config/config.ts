import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .min(1)
    .refine((v) => /^(postgres(ql)?:\/\/|memory:\/\/|file:\/\/|\.{0,2}\/|[A-Za-z0-9_])/.test(v), {
      message: "must be postgres://…, memory:// or a PGlite data directory path",
    })
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?|tcp):\/\//, "must be an mqtt:// (or mqtts://, ws://, wss://, tcp://) URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  TRUST_PROXY: z
    .string()
    .refine((v) => parseTrustProxy(v) !== undefined, {
      message: "must be true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs",
    })
    .optional(),
});

/** What Fastify's `trustProxy` accepts from us: off, all, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/**
 * TRUST_PROXY: `true` trusts every hop (only when the app is reachable solely through the proxy),
 * a number trusts that many hops, a list trusts those addresses/CIDRs (preferred). Undefined = invalid.
 */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  if (/^\d{1,3}$/.test(v)) return Number(v);
  const parts = v.split(",").map((p) => p.trim());
  const valid = parts.every((p) => {
    const [address, prefix, extra] = p.split("/");
    if (extra !== undefined || isIP(address) === 0) return false;
    if (prefix === undefined) return true;
    const max = isIP(address) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
  });
  return valid ? parts : undefined;
}

export interface AppConfig {
  port: number;
  host: string;
  /** postgres://…, memory:// or a PGlite data directory. */
  databaseUrl: string;
  sessionSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  publicUrl: string | undefined;
  nodeEnv: "development" | "production" | "test";
  mqttUrl: string | undefined;
  dataDir: string;
  /** Whom to believe about the client's address (X-Forwarded-For); false unless TRUST_PROXY is set. */
  trustProxy: TrustProxy;
}

/** Thrown for a bad environment value; its message is the one line printed at start-up. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates the environment once. The first bad variable stops start-up with
 * one line naming it, e.g. `config: PORT must be a number between 0 and 65535 (got "abc")`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" (common in .env files and CI matrices).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    const got = cleaned[name];
    const shown = name === "SESSION_SECRET" ? "(hidden)" : JSON.stringify(got);
    throw new ConfigError(`config: ${name} ${describe(issue, got)} (got ${shown})`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? resolve(dataDir, "pglite");
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (e.NODE_ENV === "production") {
      throw new ConfigError("config: SESSION_SECRET is required when NODE_ENV=production (got nothing)");
    }
    sessionSecret = devSessionSecret(resolve(dataDir, "session-secret"));
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    sessionSecret,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    nodeEnv: e.NODE_ENV,
    mqttUrl: e.MQTT_URL,
    dataDir,
    trustProxy: e.TRUST_PROXY === undefined ? false : (parseTrustProxy(e.TRUST_PROXY) ?? false),
  };
}

function describe(issue: z.core.$ZodIssue, got: string | undefined): string {
  if (issue.code === "invalid_type") return got === undefined ? "is required" : `must be a ${issue.expected}`;
  if (issue.code === "too_small" || issue.code === "too_big") {
    return issue.message.startsWith("Too")
      ? `is out of range (${issue.message.toLowerCase()})`
      : issue.message;
  }
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_format") return `must be a valid ${issue.format}`;
  return issue.message.startsWith("Invalid") ? "is invalid" : issue.message;
}

/** Dev convenience: a random secret generated once and kept beside the data, so sessions survive restarts. */
function devSessionSecret(file: string): string {
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  }
  const secret = randomBytes(32).toString("hex");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
