import { readFileSync } from "node:fs";
import { extname } from "node:path";
import {
  IMPORT_ENTITIES,
  IMPORT_MODES,
  type ImportEntity,
  type ImportFormat,
  type ImportMode,
  type ImportReport,
} from "@clusterbrain/contracts";
import { cliActor, detectEntity, ImportService } from "@clusterbrain/server";
import { withDatabase } from "./demo.command.ts";
import type { RegisterCommand } from "./index.ts";

interface ImportCliOptions {
  entity?: string;
  dryRun?: boolean;
  mode: string;
  org?: string;
  as?: string;
  database?: string;
  json?: boolean;
}

function formatOf(file: string): ImportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new Error(`${file}: only .csv and .xlsx files can be imported`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

/** The report as a person reads it: one summary line, then one line per bad cell. */
export function formatReport(file: string, r: ImportReport): string {
  const action = r.dryRun
    ? "dry run, nothing written"
    : r.committed
      ? `${r.written} written`
      : "nothing written";
  const lines = [
    `${file}: ${r.entity}, ${r.totalRows} rows, ${r.validRows} valid, ${r.invalidRows} with problems — ${action} (${r.mode})`,
  ];
  if (r.ignoredColumns.length > 0) lines.push(`  ignored columns: ${r.ignoredColumns.join(", ")}`);
  for (const i of r.issues) lines.push(`  row ${i.row}, ${i.column}: ${i.code} — ${i.message}`);
  return lines.join("\n");
}

export const registerImport: RegisterCommand = (program) => {
  program
    .command("import")
    .description("Import organisations (operator) or relations (a firm) from .csv or .xlsx")
    .argument("<file>", ".csv (UTF-8 or GB18030) or .xlsx; the first row holds the column names")
    .option("--entity <entity>", `${IMPORT_ENTITIES.join(" | ")} (default: judged from the header)`)
    .option("--dry-run", "check every row and report problems; write nothing")
    .option("--mode <mode>", `${IMPORT_MODES.join(" | ")}`, "all-or-nothing")
    .option("--org <uscc-or-id>", "act for this organisation (relations); default the operator")
    .option("--as <email>", "act as this user, with their organisation and role")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .option("--json", "print the report as JSON")
    .action(async (file: string, opts: ImportCliOptions) => {
      const format = formatOf(file);
      const mode = oneOf<ImportMode>(opts.mode, IMPORT_MODES, "--mode");
      const bytes = readFileSync(file);
      const entity = opts.entity
        ? oneOf<ImportEntity>(opts.entity, IMPORT_ENTITIES, "--entity")
        : await detectEntity(bytes, format);
      const report = await withDatabase(opts.database, async (handle) => {
        const actor = await cliActor(handle.db, { as: opts.as, org: opts.org });
        return new ImportService(handle.db).run(
          actor,
          { entity, format, mode, dryRun: opts.dryRun ?? false },
          bytes,
        );
      });
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(file, report));
      // Scripts can tell a clean file from one with problems.
      if (report.issues.length > 0) process.exitCode = 2;
    });
};
