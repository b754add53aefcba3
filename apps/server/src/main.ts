import { ConfigError } from "./config/config.ts";
import { startServer } from "./index.ts";

/** `tsx apps/server/src/main.ts`: serve from the environment, loading the demo into an empty database. */
try {
  await startServer({ loadDemo: true, handleSignals: true });
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
