import { migrate, openDatabase } from "@clusterbrain/server";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

export const registerMigrate: RegisterCommand = (program) => {
  program
    .command("migrate")
    .description("Apply pending database migrations (forward only) and exit")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .action(async (opts: { database?: string }) => {
      const handle = await openDatabase({ url: opts.database ?? cliConfig().databaseUrl });
      try {
        const applied = await migrate(handle);
        console.log(
          applied.length ? `applied ${applied.length}: ${applied.join(", ")}` : "database is up to date",
        );
      } finally {
        await handle.close();
      }
    });
};
