import type { Command } from "commander";
import {
  runCompetitiveness,
  runCoupling,
  runIo,
  runNetwork,
  runRegional,
  runShiftShare,
} from "./analyze/analyze-chain.ts";
import { runDea, runMalmquist } from "./analyze/analyze-efficiency.ts";
import { describeError, positiveInt } from "./analyze/analyze-io.ts";
import { runGeary, runLisa, runMoran, type SpatialCliOptions } from "./analyze/analyze-spatial.ts";
import type { RegisterCommand } from "./index.ts";

/** Engine errors carry a code and a place; show both on the one error line main.ts prints. */
function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      throw describeError(e);
    }
  };
}

function spatial(
  analyze: Command,
  name: string,
  what: string,
  run: (file: string, o: SpatialCliOptions) => void,
) {
  analyze
    .command(`${name} <file>`)
    .description(what)
    .requiredOption("--column <name>", "the variable")
    .requiredOption("--weights <file>", "GAL file (*.gal) or edge-list CSV from,to[,weight]")
    .option(
      "--id <column>",
      "column the weights' ids refer to (default: the GAL header's, else 1-based row order)",
    )
    .option("--transform <r|b>", "row-standardised (r) or binary (b) weights", "r")
    .option("--permutations <n>", "random permutations for pseudo p-values", positiveInt, 999)
    .option("--seed <n>", "permutation seed", positiveInt, 12345)
    .option("--json", "print JSON")
    .action(guarded(run));
}

export const registerAnalyze: RegisterCommand = (program) => {
  const analyze = program
    .command("analyze")
    .description(
      "Growth analytics on a CSV file: efficiency (DEA), productivity, chain synergy, regional spillover",
    );

  analyze
    .command("dea <file>")
    .description("DEA efficiency: CCR/BCC (input or output oriented, two-phase slacks, peers) or SBM")
    .requiredOption("--inputs <cols>", "comma-separated input columns")
    .requiredOption("--outputs <cols>", "comma-separated output columns")
    .option("--model <ccr|bcc|sbm>", "model", "ccr")
    .option("--orientation <input|output>", "orientation (CCR/BCC)", "input")
    .option("--rts <crs|vrs>", "returns to scale for SBM", "crs")
    .option("--id <column>", "unit label column (default: row number)")
    .option("--super", "add super-efficiency (Andersen–Petersen, or super-SBM)")
    .option("--cross", "add aggressive cross-efficiency (CCR)")
    .option("--json", "print JSON")
    .action(guarded(runDea));

  analyze
    .command("malmquist <file>")
    .description(
      "Malmquist productivity index between adjacent periods (long format: one row per unit and period)",
    )
    .requiredOption("--inputs <cols>", "comma-separated input columns")
    .requiredOption("--outputs <cols>", "comma-separated output columns")
    .option("--id <column>", "unit column", "dmu")
    .option("--period <column>", "period column", "period")
    .option("--orientation <input|output>", "orientation", "input")
    .option("--json", "print JSON")
    .action(guarded(runMalmquist));

  analyze
    .command("io <file>")
    .description("Input–output analysis of a wide symmetric table (first column = row labels)")
    .option("--output-row <label>", "row holding output by column", "P1")
    .option("--total-use-column <label>", "column holding output by row (Ghosh forward linkages)")
    .option("--value-added-row <label>", "value-added row", "B1G")
    .option("--compensation-row <label>", "compensation-of-employees row", "D1")
    .option("--employment-row <label>", "employment row", "EMP")
    .option("--json", "print JSON")
    .action(guarded(runIo));

  spatial(
    analyze,
    "moran",
    "Global Moran's I with normal, randomisation and permutation inference",
    runMoran,
  );
  spatial(analyze, "geary", "Geary's C with normal, randomisation and permutation inference", runGeary);
  spatial(analyze, "lisa", "Local Moran (LISA) clusters with conditional permutation p-values", runLisa);

  analyze
    .command("coupling <file>")
    .description("Coupling-coordination degree (耦合协调度) of subsystem scores in [0, 1]")
    .requiredOption("--columns <cols>", "two or more subsystem score columns")
    .option("--id <column>", "row label column")
    .option("--json", "print JSON")
    .action(guarded(runCoupling));

  analyze
    .command("network <file>")
    .description(
      "Supplier→customer network metrics: degree, betweenness, density, communities, Burt's constraint",
    )
    .option("--supplier <column>", "supplier column", "supplier")
    .option("--customer <column>", "customer column", "customer")
    .option("--weight <column>", "link weight column")
    .option("--json", "print JSON")
    .action(guarded(runNetwork));

  analyze
    .command("regional <file>")
    .description(
      "Location quotients, Gini specialisation, Krugman and Herfindahl indices of one region vs a reference",
    )
    .requiredOption("--region <column>", "the region's values per industry")
    .requiredOption("--reference <column>", "the reference economy's values per industry")
    .option("--id <column>", "industry label column")
    .option("--json", "print JSON")
    .action(guarded(runRegional));

  analyze
    .command("shift-share <file>")
    .description("Classic shift-share decomposition of regional change per industry")
    .requiredOption("--region-start <column>", "region, start year")
    .requiredOption("--region-end <column>", "region, end year")
    .requiredOption("--nation-start <column>", "nation, start year")
    .requiredOption("--nation-end <column>", "nation, end year")
    .option("--id <column>", "industry label column")
    .option("--json", "print JSON")
    .action(guarded(runShiftShare));

  analyze
    .command("competitiveness <file>")
    .description(
      "Entropy-weighted TOPSIS within peer groups, with percentiles and a plain-language rank explanation",
    )
    .requiredOption("--id <column>", "firm id column")
    .option("--benefit <cols>", "indicators where more is better")
    .option("--cost <cols>", "indicators where less is better")
    .option("--chain-node <column>", "chain node column")
    .option("--district <column>", "district column")
    .option("--employees <column>", "employees column (for size bands)")
    .option("--group-by <keys>", "peer-group keys: chainNode,sizeBand,district")
    .option("--lang <zh|en>", "explanation language", "zh")
    .option("--json", "print JSON")
    .action(guarded(runCompetitiveness));
};
