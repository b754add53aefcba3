import { type ChainReport, migrate, openDatabase, verifyAuditChain } from "@clusterbrain/server";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

const EXPLAIN = {
  ROW_CHANGED: "its content no longer matches its hash (the row was changed)",
  LINK_BROKEN: "it does not link to the row before it (a row before it was deleted or inserted)",
  TAIL_MISSING: "the chain head names a newer row than the log holds (the newest rows were deleted)",
} as const;

/** One line for the operator: the verdict, and on a break the row and what happened to it. */
export function formatChainReport(r: ChainReport): string {
  if (r.ok || !r.firstBreak) return `audit chain intact: ${r.rowsChecked} rows, head ${r.headHash}`;
  const b = r.firstBreak;
  return `audit chain BROKEN at row ${b.id}: ${EXPLAIN[b.reason]}; ${r.rowsChecked} rows before it verify`;
}

export const registerAudit: RegisterCommand = (program) => {
  const audit = program.command("audit").description("Audit log tools");
  audit
    .command("verify")
    .description("Check the audit log's hash chain; exit 1 and name the first broken row if it was altered")
    .option(
      "--database <url>",
      "postgres://…, memory:// or a PGlite folder (default: DATABASE_URL or ./data/pglite)",
    )
    .action(async (opts: { database?: string }) => {
      const handle = await openDatabase({ url: opts.database ?? cliConfig().databaseUrl });
      try {
        await migrate(handle);
        const r = await verifyAuditChain(handle.db);
        if (r.ok) console.log(formatChainReport(r));
        else {
          console.error(formatChainReport(r));
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
};
