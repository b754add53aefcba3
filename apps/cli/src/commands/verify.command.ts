import { readFileSync } from "node:fs";
import {
  type ChainProblem,
  parseChainExport,
  TraceError,
  type VerifyReport,
  verifyChain,
} from "@clusterbrain/engine/trace";
import type { RegisterCommand } from "./index.ts";

const SHOWN = 50;

/** Groups runs of the same kind over consecutive seqs ("missing 5–900") so a long gap is one line. */
function compress(problems: readonly ChainProblem[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < problems.length; ) {
    let j = i;
    while (
      j + 1 < problems.length &&
      problems[j + 1].kind === problems[i].kind &&
      problems[j + 1].seq === problems[j].seq + 1 &&
      problems[j + 1].message === problems[i].message
    ) {
      j++;
    }
    const p = problems[i];
    const seqs = i === j ? `event ${p.seq}` : `events ${p.seq}–${problems[j].seq}`;
    out.push(`  ${seqs}: ${p.kind} — ${p.message}`);
    i = j + 1;
  }
  return out;
}

/** The verdict an operator reads: one line when intact, else every problem by sequence number. */
export function formatVerifyReport(file: string, r: VerifyReport, seconds: number): string {
  const rate = seconds > 0 ? ` (${Math.round(r.events / seconds).toLocaleString("en")} events/s)` : "";
  if (r.ok) return `${file}: chain intact, ${r.events} events verified${rate}`;
  const lines = compress(r.problems);
  const shown = lines.slice(0, SHOWN);
  if (lines.length > SHOWN) shown.push(`  … and ${lines.length - SHOWN} more`);
  return [`${file}: chain BROKEN, ${r.problems.length} problem(s) in ${r.events} events`, ...shown].join(
    "\n",
  );
}

/** Reads, parses and verifies an export file; never throws for bad content. */
export function verifyExportText(
  file: string,
  text: string,
): { ok: boolean; output: string; report?: VerifyReport } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, output: `${file}: not JSON (${(e as Error).message})` };
  }
  try {
    const started = performance.now();
    const report = verifyChain(parseChainExport(value));
    return {
      ok: report.ok,
      report,
      output: formatVerifyReport(file, report, (performance.now() - started) / 1000),
    };
  } catch (e) {
    if (e instanceof TraceError) return { ok: false, output: `${file}: ${e.message} [${e.code}]` };
    throw e;
  }
}

export const registerVerify: RegisterCommand = (program) => {
  program
    .command("verify")
    .description(
      "Check an exported traceability chain offline (events + public keys in the file); exit 1 naming every altered, missing, inserted or reordered event",
    )
    .argument("<file>", "chain export (JSON) from GET /api/v1/trace/export")
    .option("--json", "print the report as JSON")
    .action((file: string, opts: { json?: boolean }) => {
      const result = verifyExportText(file, readFileSync(file, "utf8"));
      const text = opts.json && result.report ? JSON.stringify(result.report, null, 2) : result.output;
      if (result.ok) console.log(text);
      else {
        console.error(text);
        process.exitCode = 1;
      }
    });
};
