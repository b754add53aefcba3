import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseJobShop, validateSchedule } from "@clusterbrain/engine/schedule";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerSchedule } from "./schedule.command.ts";

// ft06 (Fisher & Thompson 1963), as in ScheduleOpt/benchmarks jobshop/ft06.txt.
const FT06 = `6 6
2  1  0  3  1  6  3  7  5  3  4  6
1  8  2  5  4 10  5 10  0 10  3  4
2  5  3  4  5  8  0  9  1  1  4  7
1  5  0  5  2  5  3  3  4  8  5  9
2  9  1  3  4  5  5  4  0  3  3  1
1  3  3  3  5  9  0 10  4  4  2  1
`;

async function runCli(args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const program = new Command().exitOverride();
  registerSchedule(program);
  try {
    await program.parseAsync(["node", "clusterbrain", "schedule", ...args]);
  } finally {
    spy.mockRestore();
  }
  return chunks.join("");
}

afterEach(() => vi.restoreAllMocks());

describe("clusterbrain schedule", () => {
  const dir = mkdtempSync(join(tmpdir(), "cb-schedule-"));
  const file = join(dir, "ft06.txt");
  writeFileSync(file, FT06);

  it("--json prints makespan and 0-based operations that pass the validator", async () => {
    const out = await runCli([file, "--time", "0", "--iterations", "3000", "--json"]);
    const parsed = JSON.parse(out) as {
      makespan: number;
      operations: { job: number; op: number; machine: number; start: number; end: number }[];
    };
    expect(parsed.operations).toHaveLength(36);
    expect(parsed.operations[0]).toMatchObject({ job: 0, op: 0, machine: 2 });
    const report = validateSchedule(parseJobShop(FT06), { operations: parsed.operations });
    expect(report.valid).toBe(true);
    expect(parsed.makespan).toBe(report.makespan);
  });

  it("writes a Gantt file and a readable summary", async () => {
    const gantt = join(dir, "g.html");
    const out = await runCli([file, "--time", "0", "--iterations", "200", "--gantt", gantt]);
    expect(out).toMatch(/makespan\s+\d+/);
    expect(out).toContain("validated");
    expect(readFileSync(gantt, "utf8")).toContain("<svg");
  });

  it("reports a parse error with its position", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "1 2\n0 x 1 2\n");
    await expect(runCli([bad, "--time", "0", "--iterations", "10"])).rejects.toThrow(/line 2, column 3/);
  });
});
