import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CapacityInput } from "@clusterbrain/engine/capacity";
import { balanceLoad } from "@clusterbrain/engine/capacity";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCapacity } from "../../../../bench/mrp/example-workbook.ts";
import { parseDown, readCapacityFile } from "./capacity.command.ts";

const input = exampleCapacity() as CapacityInput;
const dir = mkdtempSync(join(tmpdir(), "capacity-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("clusterbrain capacity", () => {
  it("parses --down with 1-based periods, a single period, and period labels", () => {
    expect(parseDown("SMT-1:2-3", input)).toEqual({ resource: "SMT-1", from: 1, to: 2 });
    expect(parseDown("WAVE:4", input)).toEqual({ resource: "WAVE", from: 3, to: 3 });
    expect(parseDown("SMT-2:Tue 2-Wed 3", input)).toEqual({ resource: "SMT-2", from: 1, to: 2 });
    expect(() => parseDown("SMT-1:0-3", input)).toThrow(/not a period 1..10/);
    expect(() => parseDown("SMT-1", input)).toThrow(/RESOURCE:FROM-TO/);
  });

  it("levels the example SMT plan (work moves, overload disappears)", async () => {
    const zeroBased: CapacityInput = {
      ...input,
      orders: input.orders.map((o) => ({
        ...o,
        period: o.period - 1,
        earliest: (o.earliest ?? o.period) - 1,
        latest: (o.latest ?? o.period) - 1,
      })),
    };
    const result = await balanceLoad(zeroBased);
    expect(result.before.overloadHours).toBeGreaterThan(0);
    expect(result.after.overloadHours).toBeCloseTo(0, 6);
    expect(result.after.peakUtilisation).toBeLessThan(result.before.peakUtilisation);
  });

  it("reads a workbook: one row per routing alternative, 1-based periods, first row preferred", async () => {
    const wb = new ExcelJS.Workbook();
    const res = wb.addWorksheet("resources");
    res.addRows([
      ["resource", "capacity"],
      ["SMT-1", 8],
      ["SMT-2", 8],
    ]);
    const ord = wb.addWorksheet("orders");
    ord.addRows([
      ["order", "period", "earliest", "latest", "operation", "resource", "hours"],
      ["WO-1", 2, 1, 3, "smt", "SMT-1", 5],
      ["WO-1", 2, 1, 3, "smt", "SMT-2", 6],
      ["WO-2", 2, null, null, "smt", "SMT-1", 5],
    ]);
    const file = join(dir, "plan.xlsx");
    await wb.xlsx.writeFile(file);
    const read = await readCapacityFile(file);
    expect(read.periods).toBe(3);
    expect(read.orders[0]).toMatchObject({ id: "WO-1", period: 1, earliest: 0, latest: 2 });
    expect(read.orders[0].operations[0].alternatives.map((a) => a.resource)).toEqual(["SMT-1", "SMT-2"]);
    const result = await balanceLoad(read);
    expect(result.before.overloadHours).toBe(2);
    expect(result.after.overloadHours).toBeCloseTo(0, 6);
  });

  it("reads the example JSON with 1-based periods", async () => {
    const read = await readCapacityFile(
      join(import.meta.dirname, "../../../../examples/mrp/smt-capacity.json"),
    );
    expect(read.orders[0].period).toBe((input.orders[0].period as number) - 1);
  });
});
