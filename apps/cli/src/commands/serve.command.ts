import { startServer } from "@clusterbrain/server";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

interface ServeOptions {
  port?: number;
  host?: string;
  database?: string;
  demo?: boolean;
  webDist?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be 0–65535, got "${value}"`);
  return n;
}

export const registerServe: RegisterCommand = (program) => {
  program
    .command("serve")
    .description("Serve the web UI and API (migrates first; loads the demo cluster into an empty database)")
    .option("--port <n>", "port (default: PORT or 3000)", parsePort)
    .option("--host <host>", "interface to bind (default: HOST or 0.0.0.0)")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .option("--no-demo", "do not load the demo cluster into an empty database")
    .option("--web-dist <dir>", "built web app to serve (default: apps/web/dist)")
    .action(async (opts: ServeOptions) => {
      const config = cliConfig();
      await startServer({
        port: opts.port,
        host: opts.host,
        databaseUrl: opts.database,
        // The demo is a development aid: never loaded by default in production.
        loadDemo: opts.demo !== false && config.nodeEnv !== "production",
        webDist: opts.webDist,
        config,
        // Modules stop in reverse order within SHUTDOWN_SECONDS; running jobs are marked interrupted.
        handleSignals: true,
      });
    });
};
