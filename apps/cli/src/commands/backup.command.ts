import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createBackup, openDatabase, restoreBackup } from "@clusterbrain/server";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

const DATABASE_HELP = "postgres://… or a PGlite folder (default: DATABASE_URL or ./data/pglite)";

/** `clusterbrain backup` and `clusterbrain restore` (docs/operations.md). */
export const registerBackup: RegisterCommand = (program) => {
  program
    .command("backup")
    .description(
      "Write a consistent backup of the database (PGlite: stop the server first; PostgreSQL: online)",
    )
    .requiredOption("--out <file>", "backup file to write")
    .option("--database <url>", DATABASE_HELP)
    .action(async (opts: { out: string; database?: string }) => {
      const handle = await openDatabase({ url: opts.database ?? cliConfig().databaseUrl });
      try {
        const file = await createBackup(handle);
        // Write beside and rename, so a crash never leaves a half-written backup under the real name.
        const tmp = `${opts.out}.partial`;
        writeFileSync(tmp, file);
        renameSync(tmp, opts.out);
        console.log(`backup written: ${opts.out} (${handle.kind}, ${file.length} bytes)`);
      } finally {
        await handle.close();
      }
    });
  program
    .command("restore <file>")
    .description("Restore a backup into an empty database and check it against the backup's manifest")
    .option("--database <url>", DATABASE_HELP)
    .option("--force", "PostgreSQL: replace the schema if it already holds tables")
    .action(async (file: string, opts: { database?: string; force?: boolean }) => {
      const report = await restoreBackup(readFileSync(file), {
        url: opts.database ?? cliConfig().databaseUrl,
        force: opts.force === true,
      });
      if (report.mismatches.length > 0)
        throw new Error(
          `restored, but row counts differ from the backup in: ${report.mismatches.join(", ")}`,
        );
      console.log(
        `restored ${report.kind} backup of ${report.createdAt}: ${report.tables} tables, ${report.rows} rows, consistent`,
      );
    });
};
