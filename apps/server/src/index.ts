import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { randomToken } from "./auth/secrets.ts";
import { type AppConfig, loadConfig } from "./config/config.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { maybeLoadDemo } from "./demo-hook.ts";

export { buildApp } from "./app.ts";
export { type AppConfig, ConfigError, loadConfig } from "./config/config.ts";
export {
  BackupError,
  type BackupManifest,
  createBackup,
  type RestoreReport,
  restoreBackup,
} from "./db/backup.ts";
export type { Database, DatabaseHandle } from "./db/database.ts";
export { openDatabase } from "./db/database.ts";
export { migrate } from "./db/migrate.ts";
export { type DemoLoadOptions, type DemoLoadSummary, loadDemoCluster } from "./demo/demo.loader.ts";
export { type ChainReport, verifyAuditChain } from "./modules/audit/audit-chain.service.ts";
export { cliActor, detectEntity } from "./modules/imports/cli-support.ts";
export { ExportService } from "./modules/imports/export.service.ts";
export { ImportService } from "./modules/imports/import.service.ts";
export {
  DEFAULT_XLSX_LIMITS,
  readWorkbook,
  XlsxError,
  type XlsxLimits,
} from "./modules/imports/xlsx.reader.ts";
export { DeviceSignals } from "./modules/ingest/simulator/signal.model.ts";
export {
  type RunningSimulator,
  type SimDevice,
  type SimulatorOptions,
  startSimulator,
} from "./modules/ingest/simulator/simulator.ts";
export { JobConsole } from "./modules/jobs/job.console.ts";
export { type DemoDevice, seedDemoTelemetry } from "./modules/telemetry/telemetry.demo.ts";
export {
  existingTelemetryStorage,
  TelemetryStorage,
  telemetryStorage,
} from "./modules/telemetry/telemetry.storage.ts";
export type * from "./modules/telemetry/telemetry.types.ts";
export { type AddUserInput, addUser } from "./modules/users/user.service.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DEFAULT_WEB_DIST = resolve(repoRoot, "apps", "web", "dist");

export interface StartServerOptions {
  port?: number;
  host?: string;
  /** postgres://…, memory:// or a PGlite directory; default from DATABASE_URL (else ./data/pglite). */
  databaseUrl?: string;
  /** Load the demo cluster when the database has no orgs. */
  loadDemo?: boolean;
  /** Built web app folder; default apps/web/dist. */
  webDist?: string;
  logLevel?: string;
  /** Session HMAC key; default SESSION_SECRET (or the dev secret kept in ./data). */
  sessionSecret?: string;
  /** The configuration if the caller already loaded it (loadConfig runs once per process). */
  config?: AppConfig;
  /** Close cleanly on SIGTERM/SIGINT (modules stopped in reverse order within SHUTDOWN_SECONDS), then exit. */
  handleSignals?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, loads the demo cluster if asked and empty, and listens.
 * Used by `clusterbrain serve`, `npm start` and the end-to-end tests (port 0, memory://).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  // A memory database lives only as long as the process, so its sessions need no kept secret.
  const ephemeral = options.databaseUrl?.startsWith("memory://") && !process.env.SESSION_SECRET;
  const config =
    options.config ?? loadConfig(ephemeral ? { ...process.env, SESSION_SECRET: randomToken() } : process.env);
  const databaseUrl = options.databaseUrl ?? config.databaseUrl;
  const handle = await openDatabase({ url: databaseUrl });
  const openedMs = Math.round(performance.now() - started);
  let app: FastifyInstance | undefined;
  try {
    const applied = await migrate(handle);
    app = await buildApp({
      db: handle.db,
      sessionSecret: options.sessionSecret ?? config.sessionSecret,
      logLevel: options.logLevel ?? config.logLevel,
      webDist: options.webDist ?? DEFAULT_WEB_DIST,
      devMode: config.nodeEnv === "development",
      publicUrl: config.publicUrl,
      metricsToken: config.metricsToken,
      load: config.load,
      config,
      trustProxy: config.trustProxy,
    });
    app.log.info({ database: handle.kind, ms: openedMs }, `database opened in ${openedMs} ms`);
    if (applied.length > 0) app.log.info({ applied }, "migrations applied");
    if (options.loadDemo) await maybeLoadDemo(handle.db, app.log);
    await app.listen({ port: options.port ?? config.port, host: options.host ?? config.host });
  } catch (err) {
    await app?.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? config.port);
  const host = options.host ?? config.host;
  const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`;
  const ms = Math.round(performance.now() - started);
  app.log.info({ url, database: handle.kind, ms }, `ready in ${ms} ms at ${url}`);
  const running = app;
  const server: RunningServer = {
    url,
    app: running,
    db: handle,
    close: async () => {
      await running.close();
      await handle.close();
    },
  };
  if (options.handleSignals) exitOnSignals(server, config.shutdownSeconds);
  return server;
}

/**
 * SIGTERM/SIGINT: stop taking requests, stop the modules in reverse order (running jobs are
 * marked interrupted), close the database, exit 0; if that takes longer than the bound, exit 1.
 */
function exitOnSignals(server: RunningServer, shutdownSeconds: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, `${signal}: shutting down`);
    const force = setTimeout(
      () => {
        server.app.log.error(`shutdown took longer than ${shutdownSeconds + 5} s; exiting anyway`);
        process.exit(1);
      },
      (shutdownSeconds + 5) * 1000,
    );
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
