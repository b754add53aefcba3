import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { availableParallelism, hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "../http/hardening.ts";
import type { AlarmChannelSettings } from "../modules/monitoring/alarm-channels.ts";

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
  /** Embedded MQTT broker port (used when MQTT_URL is unset): this one or the next free; "off" for none. */
  MQTT_PORT: z
    .string()
    .regex(/^(off|\d{1,5})$/, 'must be a port number 0–65535 or "off"')
    .refine((v) => v === "off" || Number(v) <= 65535, { message: 'must be a port number 0–65535 or "off"' })
    .default("1883"),
  /** Largest MQTT payload ingest accepts; bigger ones are refused as oversized. */
  MQTT_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(64)
    .max(16 * 1024 * 1024)
    .default(256 * 1024),
  /** External broker: this process's client id (one per ingest process; sessions are persistent). */
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, _ or -")
    .optional(),
  /** External broker: subscriber connections per process (each handles one message at a time). */
  MQTT_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * External broker: MQTT 5 shared-subscription group for the JSON topics, or "off" for plain
   * subscriptions on one connection (one ingest process; on Mosquitto 2.0 the only kind that still
   * receives messages published after a broker restart before ingest has reconnected).
   */
  MQTT_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, _ or -")
    .default("clusterbrain"),
  /** External broker: this process also follows Sparkplug B (set on exactly one ingest process). */
  MQTT_SPARKPLUG_HOST: z.enum(["true", "false"]).default("true"),
  /** Points waiting for the database before ingest sheds (disconnect / PUBACK 0x97). */
  INGEST_QUEUE_POINTS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  /** Accepted device timestamps: at most this many days old and this many seconds ahead. */
  INGEST_MAX_AGE_DAYS: z.coerce.number().min(0).max(36_500).default(365),
  INGEST_MAX_AHEAD_SECONDS: z.coerce
    .number()
    .min(0)
    .max(86_400 * 30)
    .default(300),
  /** Simulated demo devices started in-process (development default on, production off). */
  SIMULATOR: z.enum(["on", "off"]).optional(),
  /** Injected faults per device per hour of simulated signal. */
  SIMULATOR_FAULT_RATE: z.coerce.number().min(0).max(3600).default(6),
  DATA_DIR: z.string().min(1).default("./data"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(DEFAULT_LOAD_LIMITS.ipPerMinute),
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(DEFAULT_LOAD_LIMITS.userPerMinute),
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_LOAD_LIMITS.maxEventLoopDelayMs),
  OVERLOAD_HEAP_PERCENT: z.coerce
    .number()
    .int()
    .min(10)
    .max(100)
    .default(DEFAULT_LOAD_LIMITS.maxHeapFraction * 100),
  /** Worker threads for long jobs; default: all cores but one (at least one). */
  JOB_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /** Jobs one org may have running at once, so one firm cannot fill the pool. */
  JOBS_PER_ORG: z.coerce.number().int().min(1).max(256).default(1),
  /** Jobs one org may have waiting; more are refused with 429. */
  JOB_QUEUE_PER_ORG: z.coerce.number().int().min(0).max(10_000).default(5),
  /** SIGTERM/SIGINT: time the modules get to stop before the process exits anyway. */
  SHUTDOWN_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Days telemetry keeps raw points, 1-minute and 1-hour rollups. */
  TELEMETRY_RETENTION_RAW_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  TELEMETRY_RETENTION_1M_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TELEMETRY_RETENTION_1H_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(36500)
    .default(5 * 365),
  /** Alarm e-mail: smtp://user:pass@host:port (smtps:// for TLS), sender and comma-separated recipients. */
  SMTP_URL: z.string().url().optional(),
  ALARM_EMAIL_FROM: z.string().email().optional(),
  ALARM_EMAIL_TO: z.string().optional(),
  /** Group robots for alarms: DingTalk (signed), WeCom, Feishu (signed). */
  DINGTALK_WEBHOOK: z.string().url().optional(),
  DINGTALK_SECRET: z.string().optional(),
  WECOM_WEBHOOK: z.string().url().optional(),
  FEISHU_WEBHOOK: z.string().url().optional(),
  FEISHU_SECRET: z.string().optional(),
  /** Minutes an alarm may stay unacknowledged before it is sent again as an escalation (0: never). */
  ALARM_ESCALATE_MINUTES: z.coerce.number().int().min(0).max(10080).default(30),
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
  /** Telemetry ingest: brokers, limits, simulator. */
  ingest: IngestSettings;
  dataDir: string;
  /** Bearer token /metrics requires; unset: /metrics answers local callers only. */
  metricsToken: string | undefined;
  /** Rate limits and load-shedding thresholds. */
  load: LoadLimits;
  jobs: JobSettings;
  shutdownSeconds: number;
  /** Whom to believe about the client's address (X-Forwarded-For); false unless TRUST_PROXY is set. */
  trustProxy: TrustProxy;
  /** Days each telemetry tier is kept (raw points, 1-minute and 1-hour rollups). */
  telemetryRetentionDays: { raw: number; "1m": number; "1h": number };
  /** Where alarms are sent besides the in-app notification, and when they escalate. */
  alarms: AlarmChannelSettings;
}

export interface IngestSettings {
  /** Embedded broker port when MQTT_URL is unset (1883 or the next free); null: no embedded broker. */
  mqttPort: number | null;
  maxPayloadBytes: number;
  /** External broker client id stem (`<id>-<n>` per connection). */
  clientId: string;
  connections: number;
  /** Shared-subscription group of the JSON topics; null: plain subscriptions on connection 0. */
  shareGroup: string | null;
  sparkplugHost: boolean;
  queuePoints: number;
  maxAgeMs: number;
  maxAheadMs: number;
  /** Start the demo device simulator in-process after the demo cluster is loaded. */
  simulator: boolean;
  simulatorFaultsPerHour: number;
}

export interface JobSettings {
  threads: number;
  perOrgRunning: number;
  perOrgQueued: number;
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
    const secret = ["SESSION_SECRET", "METRICS_TOKEN", "SMTP_URL", "DINGTALK_SECRET", "FEISHU_SECRET"];
    const shown = secret.includes(name) ? "(hidden)" : JSON.stringify(got);
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
    ingest: ingestSettings(e),
    dataDir,
    metricsToken: e.METRICS_TOKEN,
    load: loadLimits(e),
    jobs: jobSettings(e),
    shutdownSeconds: e.SHUTDOWN_SECONDS,
    trustProxy: trustProxyOf(e),
    telemetryRetentionDays: telemetryRetentionOf(e),
    alarms: alarmSettingsOf(e),
  };
}

function alarmSettingsOf(e: z.infer<typeof envSchema>): AlarmChannelSettings {
  return {
    smtpUrl: e.SMTP_URL,
    emailFrom: e.ALARM_EMAIL_FROM,
    emailTo: (e.ALARM_EMAIL_TO ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== ""),
    dingTalkWebhook: e.DINGTALK_WEBHOOK,
    dingTalkSecret: e.DINGTALK_SECRET,
    weComWebhook: e.WECOM_WEBHOOK,
    feishuWebhook: e.FEISHU_WEBHOOK,
    feishuSecret: e.FEISHU_SECRET,
    escalateMinutes: e.ALARM_ESCALATE_MINUTES,
  };
}

function telemetryRetentionOf(e: z.infer<typeof envSchema>): AppConfig["telemetryRetentionDays"] {
  return {
    raw: e.TELEMETRY_RETENTION_RAW_DAYS,
    "1m": e.TELEMETRY_RETENTION_1M_DAYS,
    "1h": e.TELEMETRY_RETENTION_1H_DAYS,
  };
}

function trustProxyOf(e: z.infer<typeof envSchema>): TrustProxy {
  return e.TRUST_PROXY === undefined ? false : (parseTrustProxy(e.TRUST_PROXY) ?? false);
}

function loadLimits(e: z.infer<typeof envSchema>): LoadLimits {
  return {
    ipPerMinute: e.RATE_LIMIT_PER_IP,
    userPerMinute: e.RATE_LIMIT_PER_USER,
    maxEventLoopDelayMs: e.OVERLOAD_EVENT_LOOP_DELAY_MS,
    maxHeapFraction: e.OVERLOAD_HEAP_PERCENT / 100,
  };
}

function ingestSettings(e: z.infer<typeof envSchema>): IngestSettings {
  return {
    mqttPort: e.MQTT_PORT === "off" ? null : Number(e.MQTT_PORT),
    maxPayloadBytes: e.MQTT_MAX_PAYLOAD_BYTES,
    clientId:
      e.MQTT_CLIENT_ID ??
      `clusterbrain-ingest-${hostname()
        .replace(/[^A-Za-z0-9_-]/g, "")
        .slice(0, 40)}`,
    connections: e.MQTT_CONNECTIONS,
    shareGroup: e.MQTT_SHARE_GROUP === "off" ? null : e.MQTT_SHARE_GROUP,
    sparkplugHost: e.MQTT_SPARKPLUG_HOST === "true",
    queuePoints: e.INGEST_QUEUE_POINTS,
    maxAgeMs: e.INGEST_MAX_AGE_DAYS * 86_400_000,
    maxAheadMs: e.INGEST_MAX_AHEAD_SECONDS * 1000,
    simulator: (e.SIMULATOR ?? (e.NODE_ENV === "development" ? "on" : "off")) === "on",
    simulatorFaultsPerHour: e.SIMULATOR_FAULT_RATE,
  };
}

function jobSettings(e: z.infer<typeof envSchema>): JobSettings {
  return {
    threads: e.JOB_THREADS ?? Math.max(1, availableParallelism() - 1),
    perOrgRunning: e.JOBS_PER_ORG,
    perOrgQueued: e.JOB_QUEUE_PER_ORG,
  };
}

/**
 * The configuration an in-process app gets when no loaded config is passed (tests, benchmarks):
 * the schema's defaults, with nothing read from the environment or written to disk.
 */
export function defaultConfig(overrides: Partial<AppConfig> & Pick<AppConfig, "sessionSecret">): AppConfig {
  const e = envSchema.parse({});
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: "memory://",
    logLevel: e.LOG_LEVEL,
    publicUrl: undefined,
    nodeEnv: "test",
    mqttUrl: undefined,
    // In-process apps (tests, benchmarks) bind no broker and run no simulator unless they ask.
    ingest: { ...ingestSettings(e), mqttPort: null, simulator: false },
    dataDir: resolve(e.DATA_DIR),
    metricsToken: undefined,
    load: loadLimits(e),
    jobs: jobSettings(e),
    shutdownSeconds: e.SHUTDOWN_SECONDS,
    trustProxy: trustProxyOf(e),
    telemetryRetentionDays: telemetryRetentionOf(e),
    alarms: alarmSettingsOf(e),
    ...overrides,
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
