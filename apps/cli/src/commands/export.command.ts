import { writeFileSync } from "node:fs";
import { directoryExportQuerySchema } from "@clusterbrain/contracts";
import { cliActor, ExportService } from "@clusterbrain/server";
import { withDatabase } from "./demo.command.ts";
import type { RegisterCommand } from "./index.ts";

interface ExportCliOptions {
  output?: string;
  org?: string;
  as?: string;
  database?: string;
}

const WHAT = ["directory", "org"] as const;

export const registerExport: RegisterCommand = (program) => {
  program
    .command("export")
    .description("Export the organisation directory, or one organisation's own data, to .xlsx")
    .argument("<what>", "directory | org")
    .option("-o, --output <file>", "where to write (default cluster-directory.xlsx / my-organisation.xlsx)")
    .option("--org <uscc-or-id>", "which organisation for `org` (default: the operator)")
    .option("--as <email>", "act as this user (their organisation)")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .action(async (what: string, opts: ExportCliOptions) => {
      if (!(WHAT as readonly string[]).includes(what))
        throw new Error(`export what? "${what}" is not one of ${WHAT.join(", ")}`);
      const file = opts.output ?? (what === "directory" ? "cluster-directory.xlsx" : "my-organisation.xlsx");
      const bytes = await withDatabase(opts.database, async (handle) => {
        const actor = await cliActor(handle.db, { as: opts.as, org: opts.org });
        const service = new ExportService(handle.db);
        return what === "directory"
          ? service.directory(actor, directoryExportQuerySchema.parse({ sort: "name" }))
          : service.ownOrg(actor);
      });
      writeFileSync(file, bytes);
      console.log(`wrote ${file} (${bytes.length} bytes)`);
    });
};
