// The server package exports only its index; the demo loader lives in the demo module's folder.
import { type DatabaseHandle, loadDemoCluster, migrate, openDatabase } from "@clusterbrain/server";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

/**
 * Opens the configured database (DATABASE_URL, else ./data/pglite), applies migrations, runs
 * `work`, and always closes it. Shared by the demo, import and export commands.
 */
export async function withDatabase<T>(
  databaseUrl: string | undefined,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = cliConfig();
  const handle = await openDatabase({ url: databaseUrl ?? config.databaseUrl });
  try {
    await migrate(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1)
    throw new Error(`--seed must be an integer ≥ 0, got "${value}"`);
  return n;
}

interface DemoCliOptions {
  reset?: boolean;
  seed?: number;
  database?: string;
}

export const registerDemo: RegisterCommand = (program) => {
  program
    .command("demo")
    .description("Load the demo cluster (Jiaxing electronics / medical electronics) into the database")
    .option("--reset", "wipe ALL organisations, users, chain nodes and audit entries first, then rebuild")
    .option("--seed <n>", "generator seed (same seed, same cluster)", parseSeed)
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .action(async (opts: DemoCliOptions) => {
      const summary = await withDatabase(opts.database, (handle) =>
        loadDemoCluster(handle.db, { reset: opts.reset, seed: opts.seed }),
      );
      console.log(
        `demo cluster (seed ${summary.seed}) loaded in ${summary.ms} ms: ${summary.orgs} organisations, ` +
          `${summary.chainNodes} chain nodes, ${summary.relations} relations, ${summary.indicators} indicator rows, ` +
          `${summary.users} users`,
      );
      // Passwords are demo-only; never print them for a production configuration.
      if (cliConfig().nodeEnv !== "production") {
        for (const login of summary.logins)
          console.log(`  ${login.persona.padEnd(8)} ${login.email}  ${login.password}`);
      }
    });
};
