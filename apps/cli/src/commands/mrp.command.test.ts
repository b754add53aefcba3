import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runMrp } from "@clusterbrain/engine/mrp";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { writeExampleWorkbook } from "../../../../bench/mrp/example-workbook.ts";
import { planToJson, planToText, readMrpWorkbook, recordsToText, WorkbookError } from "./mrp.command.ts";

const dir = mkdtempSync(join(tmpdir(), "mrp-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(
  name: string,
  sheets: Record<string, Array<Array<string | number | null>>>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function errorOf(file: string): Promise<WorkbookError> {
  try {
    const { input, locate } = await readMrpWorkbook(file);
    try {
      runMrp(input);
    } catch (err) {
      throw locate(err as Parameters<typeof locate>[0]);
    }
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
  throw new Error("expected a workbook error");
}

const items = [
  ["item", "lead_time", "lot_rule", "lot_size"],
  ["BRD", 1, "lfl", null],
  ["CAP", 2, "fixed", 100],
];

describe("clusterbrain mrp", () => {
  it("plans the example power-module workbook: orders, pegs, actions", async () => {
    const file = await writeExampleWorkbook(join(dir, "example.xlsx"));
    const { input } = await readMrpWorkbook(file);
    const plan = runMrp(input);
    const text = planToText(plan, input);
    expect(text).toContain("Planned orders");
    expect(text).toMatch(/EXPEDITE\s+IND-10UH\s+receipt WO-5520/);
    expect(text).toMatch(/CANCEL\s+CU-WIRE\s+receipt PO-7802/);
    const json = planToJson(plan, input);
    // The first module order is due in week 2 (1-based) and serves SO-2301.
    expect(json.orders[0]).toMatchObject({ item: "PM-4812", receiptPeriod: 2, releasePeriod: 1 });
    expect(json.orders[0].pegs.map((p) => p.demandId)).toContain("SO-2301");
    // The module's record: 60 on hand, safety stock 20, 120 due in week 2 → planned receipt of 80.
    const module = json.items.find((i) => i.item === "PM-4812")!;
    expect(module.grossRequirements.slice(0, 3)).toEqual([0, 120, 80]);
    expect(module.plannedReceipts.slice(0, 3)).toEqual([0, 80, 80]);
    expect(module.projectedOnHand.slice(0, 3)).toEqual([60, 20, 20]);
    expect(recordsToText(plan, input)).toMatch(
      /PM-4812 — 48V→12V power module \(level 0[\s\S]*planned receipts\s+0\s+80\s+80/,
    );
  });

  it("reads 1-based periods and a bom sheet", async () => {
    const file = await workbook("ok.xlsx", {
      items,
      bom: [
        ["parent", "child", "qty_per"],
        ["BRD", "CAP", 4],
      ],
      demand: [
        ["item", "period", "qty"],
        ["BRD", 3, 10],
      ],
    });
    const { input } = await readMrpWorkbook(file);
    const plan = runMrp(input);
    // BRD 10 due week 3 → released week 2; CAP 40 due week 2 → a lot of 100 released week 0 (past due).
    expect(
      planToJson(plan, input).orders.map((o) => [o.item, o.releasePeriod, o.receiptPeriod, o.quantity]),
    ).toEqual([
      ["BRD", 2, 3, 10],
      ["CAP", 0, 2, 100],
    ]);
  });

  it("names sheet, row and column for a negative quantity", async () => {
    const file = await workbook("neg.xlsx", {
      items,
      bom: [["parent", "child", "qty_per"]],
      demand: [
        ["item", "period", "qty"],
        ["BRD", 1, 5],
        ["BRD", 2, -5],
      ],
    });
    const err = await errorOf(file);
    expect(err.code).toBe("NEGATIVE_QUANTITY");
    expect(err.message).toMatch(/^demand row 3, column C \(qty\): /);
  });

  it("names the cell of an unknown item, a non-number and a missing sheet", async () => {
    const unknown = await workbook("unknown.xlsx", {
      items,
      bom: [
        ["parent", "child", "qty_per"],
        ["BRD", "IND", 2],
      ],
      demand: [["item", "period", "qty"]],
    });
    expect((await errorOf(unknown)).message).toMatch(/^bom row 2, column B \(child\): unknown item "IND"/);
    const text = await workbook("text.xlsx", {
      items: [
        ["item", "lead_time"],
        ["BRD", "two"],
      ],
      bom: [["parent", "child", "qty_per"]],
      demand: [["item", "period", "qty"]],
    });
    expect((await errorOf(text)).message).toMatch(
      /^items row 2, column B \(lead_time\): lead_time must be a number/,
    );
    const missing = await workbook("missing.xlsx", { items, demand: [["item", "period", "qty"]] });
    expect((await errorOf(missing)).message).toMatch(/sheet "bom" is missing/);
  });

  it("names the cycle", async () => {
    const file = await workbook("cycle.xlsx", {
      items,
      bom: [
        ["parent", "child", "qty_per"],
        ["BRD", "CAP", 1],
        ["CAP", "BRD", 1],
      ],
      demand: [["item", "period", "qty"]],
    });
    expect((await errorOf(file)).message).toContain("BOM cycle: BRD → CAP → BRD");
  });
});
