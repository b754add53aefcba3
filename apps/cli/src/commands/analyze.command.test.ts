import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerAnalyze } from "./analyze.command.ts";

const dir = mkdtempSync(join(tmpdir(), "cb-analyze-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

let out: string[] = [];
beforeEach(() => {
  out = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    out.push(args.join(" "));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function cli(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerAnalyze(program);
  await program.parseAsync(["node", "clusterbrain", "analyze", ...args]);
}

describe("clusterbrain analyze", () => {
  it("dea --json: CCR input scores of a small published-style case", async () => {
    const csv = file("dea.csv", "dmu,x1,x2,y1\nA,2,2,1\nB,1,4,1\nC,4,1,1\nD,4,3,1\n");
    await cli("dea", csv, "--inputs", "x1,x2", "--outputs", "y1", "--id", "dmu", "--json");
    const json = JSON.parse(out.join("\n")) as { units: { unit: string; efficiency: number }[] };
    expect(json.units.map((u) => u.unit)).toEqual(["A", "B", "C", "D"]);
    // D = (4,3) is dominated by A = (2,2) scaled: θ = 0.6 against the A–C facet.
    expect(json.units[3].efficiency).toBeCloseTo(0.6, 9);
    expect(json.units[0].efficiency).toBeCloseTo(1, 9);
  });

  it("moran --json with a GAL whose header names the id column", async () => {
    const csv = file("v.csv", "code,v\nn1,1\nn2,2\nn3,3\nn4,4\nn5,5\nn6,6\n");
    const gal = file(
      "w.gal",
      "0 6 line code\nn1 1\nn2\nn2 2\nn1 n3\nn3 2\nn2 n4\nn4 2\nn3 n5\nn5 2\nn4 n6\nn6 1\nn5\n",
    );
    await cli("moran", csv, "--column", "v", "--weights", gal, "--permutations", "99", "--json");
    const json = JSON.parse(out.join("\n")) as { I: number; z: number; p: number; n: number };
    expect(json.n).toBe(6);
    expect(json.I).toBeGreaterThan(0);
    expect(json.p).toBeGreaterThan(0);
    expect(json.p).toBeLessThan(1);
  });

  it("reports an unknown column with its name", async () => {
    const csv = file("bad.csv", "dmu,x1,y1\nA,1,1\n");
    await expect(cli("dea", csv, "--inputs", "x9", "--outputs", "y1")).rejects.toThrowError(/no column "x9"/);
  });
});
