import { readFileSync } from "node:fs";
import { type LotRule, MrpError, type MrpInput, type MrpPlan, runMrp } from "@clusterbrain/engine/mrp";
import { readWorkbook } from "@clusterbrain/server";
import type ExcelJS from "exceljs";
import type { RegisterCommand } from "./index.ts";

/** A problem in an input workbook, pointing at the sheet, row and column a person can fix. */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";
  constructor(
    readonly code: string,
    message: string,
    readonly sheet: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(`${sheet}${row ? ` row ${row}` : ""}${column ? `, column ${column}` : ""}: ${message}`);
  }
}

type Cell = string | number | undefined;
export interface SheetRow {
  row: number;
  cells: Map<string, Cell>;
}
export interface Sheet {
  name: string;
  /** normalised header → column letter */
  columns: Map<string, string>;
  rows: SheetRow[];
}

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "result" in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .trim();
  if (typeof v === "object" && "text" in v) return String(v.text).trim();
  return undefined;
}

/** Reads named sheets (header row 1) into rows keyed by normalised header; blank rows are skipped. */
export async function readSheets(
  file: string,
  required: string[],
  optional: string[] = [],
): Promise<Map<string, Sheet>> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await readWorkbook(readFileSync(file));
  } catch (err) {
    throw new WorkbookError(
      "UNREADABLE",
      `cannot read workbook: ${err instanceof Error ? err.message : String(err)}`,
      file,
    );
  }
  const out = new Map<string, Sheet>();
  for (const name of [...required, ...optional]) {
    const ws = wb.worksheets.find((w) => norm(w.name) === name);
    if (!ws) {
      if (required.includes(name))
        throw new WorkbookError("MISSING_SHEET", `sheet "${name}" is missing`, file);
      continue;
    }
    const columns = new Map<string, string>();
    const headers = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const h = cellValue(cell.value);
      if (typeof h === "string") {
        columns.set(norm(h), cell.address.replace(/\d+$/, ""));
        headers.set(col, norm(h));
      }
    });
    const rows: SheetRow[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells = new Map<string, Cell>();
      row.eachCell((cell, col) => {
        const h = headers.get(col);
        const v = cellValue(cell.value);
        if (h && v !== undefined) cells.set(h, v);
      });
      if (cells.size > 0) rows.push({ row: n, cells });
    });
    out.set(name, { name: ws.name, columns, rows });
  }
  return out;
}

/** Typed cell access that names the sheet, row and column on failure. */
export class RowReader {
  constructor(
    private readonly sheet: Sheet,
    private readonly r: SheetRow,
  ) {}
  fail(header: string, message: string): never {
    throw new WorkbookError(
      "BAD_CELL",
      message,
      this.sheet.name,
      this.r.row,
      `${this.sheet.columns.get(header) ?? "?"} (${header})`,
    );
  }
  text(header: string): string | undefined {
    const v = this.r.cells.get(header);
    return v === undefined ? undefined : String(v);
  }
  requiredText(header: string): string {
    if (!this.sheet.columns.has(header))
      throw new WorkbookError("MISSING_COLUMN", `column "${header}" is missing`, this.sheet.name, 1);
    return this.text(header) ?? this.fail(header, `${header} is empty`);
  }
  number(header: string): number | undefined {
    const v = this.r.cells.get(header);
    if (v === undefined) return undefined;
    const n = typeof v === "number" ? v : Number(v.replace(/%$/, "")) / (v.endsWith("%") ? 100 : 1);
    return Number.isFinite(n) ? n : this.fail(header, `${header} must be a number (got "${v}")`);
  }
  requiredNumber(header: string): number {
    if (!this.sheet.columns.has(header))
      throw new WorkbookError("MISSING_COLUMN", `column "${header}" is missing`, this.sheet.name, 1);
    return this.number(header) ?? this.fail(header, `${header} is empty`);
  }
}

function lotRule(rd: RowReader): LotRule | undefined {
  const rule = rd
    .text("lot_rule")
    ?.toLowerCase()
    .replace(/[\s_]+/g, "-");
  const need = (h: string) => rd.requiredNumber(h);
  switch (rule) {
    case undefined:
    case "lfl":
    case "lot-for-lot":
      return { kind: "lot-for-lot" };
    case "fixed":
    case "foq":
      return { kind: "fixed", quantity: need("lot_size") };
    case "eoq":
      return { kind: "eoq", setupCost: need("setup_cost"), holdingCost: need("holding_cost") };
    case "poq":
      return { kind: "poq", periods: need("periods") };
    case "min-max":
    case "minmax":
      return { kind: "min-max", min: rd.number("min") ?? 0, max: need("max") };
    default:
      throw new WorkbookError(
        "BAD_LOT_RULE",
        `unknown lot rule "${rule}" (use lfl, fixed, eoq, poq or min-max)`,
        "items",
      );
  }
}

/** Workbook → MRP input, plus a map back from input records to their cells for error messages. */
export async function readMrpWorkbook(
  file: string,
): Promise<{ input: MrpInput; locate: (err: MrpError) => WorkbookError }> {
  const sheets = await readSheets(file, ["items", "bom", "demand"], ["receipts"]);
  const rowsOf = (name: string) => sheets.get(name)?.rows ?? [];
  const reader = (name: string, r: SheetRow) => new RowReader(sheets.get(name)!, r);
  const items = rowsOf("items").map((r) => {
    const rd = reader("items", r);
    return {
      id: rd.requiredText("item"),
      name: rd.text("name"),
      leadTime: rd.requiredNumber("lead_time"),
      lotRule: lotRule(rd),
      safetyStock: rd.number("safety_stock"),
      onHand: rd.number("on_hand"),
      scrap: rd.number("scrap"),
    };
  });
  const bom = rowsOf("bom").map((r) => {
    const rd = reader("bom", r);
    return {
      parent: rd.requiredText("parent"),
      child: rd.requiredText("child"),
      quantityPer: rd.requiredNumber("qty_per"),
      scrap: rd.number("scrap"),
    };
  });
  // Periods are 1-based in the workbook.
  const records = (name: string) =>
    rowsOf(name).map((r) => {
      const rd = reader(name, r);
      return {
        id: rd.text("id"),
        item: rd.requiredText("item"),
        period: rd.requiredNumber("period") - 1,
        quantity: rd.requiredNumber("qty"),
      };
    });
  const input: MrpInput = { items, bom, demand: records("demand"), receipts: records("receipts") };
  const fieldHeader: Record<string, string> = {
    id: "item",
    leadTime: "lead_time",
    safetyStock: "safety_stock",
    onHand: "on_hand",
    quantityPer: "qty_per",
    quantity: "qty",
    lotSize: "lot_size",
    setupCost: "setup_cost",
    holdingCost: "holding_cost",
    lotRule: "lot_rule",
  };
  const locate = (err: MrpError): WorkbookError => {
    if (!err.at || err.at.section === "horizon") return new WorkbookError(err.code, err.message, file);
    const sheet = sheets.get(err.at.section);
    const row = sheet?.rows[err.at.index]?.row;
    const header = err.at.field ? (fieldHeader[err.at.field] ?? err.at.field) : undefined;
    const column = header ? `${sheet?.columns.get(header) ?? "?"} (${header})` : undefined;
    return new WorkbookError(err.code, err.message, sheet?.name ?? err.at.section, row, column);
  };
  return { input, locate };
}

/** Plain-text table: columns padded to their widest cell; numbers right-aligned. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? fmt(c) : c)));
  const width = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join("  ")
      .trimEnd();
  return [line(header), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const period = (p: number) => (p < 0 ? `P${p + 1} (past due)` : p === 0 ? "P1 (now)" : `P${p + 1}`);

export function planToJson(plan: MrpPlan, input: MrpInput) {
  return {
    horizon: plan.horizon,
    periodsAreOneBased: true,
    items: plan.itemIds.map((id, i) => {
      const row = (grid: Float64Array) => Array.from(grid.subarray(i * plan.horizon, (i + 1) * plan.horizon));
      return {
        item: id,
        lowLevelCode: plan.lowLevelCode[i],
        grossRequirements: row(plan.grossRequirements),
        scheduledReceipts: row(plan.scheduledReceipts),
        projectedOnHand: row(plan.projectedOnHand),
        netRequirements: row(plan.netRequirements),
        plannedReceipts: row(plan.plannedReceipts),
        plannedReleases: row(plan.plannedReleases),
      };
    }),
    orders: plan.orders.map((o) => ({
      ...o,
      receiptPeriod: o.receiptPeriod + 1,
      releasePeriod: o.releasePeriod + 1,
      pegs: plan.pegsOf(o.index).map((p) => ({ ...p, period: p.period + 1 })),
    })),
    actions: plan.actions.map((a) => ({
      ...a,
      fromPeriod: a.fromPeriod + 1,
      toPeriod: a.toPeriod === undefined ? undefined : a.toPeriod + 1,
      receiptId:
        a.target === "scheduled-receipt" ? (input.receipts?.[a.ref]?.id ?? `R${a.ref + 1}`) : undefined,
    })),
    exceptions: plan.exceptions,
  };
}

/** The classic time-phased MRP record of every item (Orlicky's grid), one block per item. */
export function recordsToText(plan: MrpPlan, input: MrpInput): string {
  const H = plan.horizon;
  const lines = [
    ["gross requirements", plan.grossRequirements],
    ["scheduled receipts", plan.scheduledReceipts],
    ["projected on hand", plan.projectedOnHand],
    ["net requirements", plan.netRequirements],
    ["planned receipts", plan.plannedReceipts],
    ["planned releases", plan.plannedReleases],
  ] as const;
  const order = Array.from(plan.itemIds.keys()).sort(
    (a, b) => plan.lowLevelCode[a] - plan.lowLevelCode[b] || a - b,
  );
  return order
    .map((i) => {
      const item = input.items[i];
      const title = `${item.id}${item.name ? ` — ${item.name}` : ""} (level ${plan.lowLevelCode[i]}, lead time ${item.leadTime}, on hand ${fmt(item.onHand ?? 0)}, safety stock ${fmt(item.safetyStock ?? 0)})`;
      const header = ["", ...Array.from({ length: H }, (_, t) => `P${t + 1}`)];
      return `${title}\n${table(
        header,
        lines.map(([name, grid]) => [name, ...Array.from(grid.subarray(i * H, (i + 1) * H))]),
      )}`;
    })
    .join("\n\n");
}

export function planToText(plan: MrpPlan, input: MrpInput): string {
  const out: string[] = [
    `MRP plan — ${plan.itemIds.length} items, ${plan.horizon} periods, ${plan.orders.length} planned orders, ${plan.actions.length} action messages`,
    "",
    "Planned orders",
    table(
      ["item", "release", "receipt", "qty", "start qty", "serves"],
      plan.orders.map((o) => [
        o.item,
        period(o.releasePeriod),
        `P${o.receiptPeriod + 1}`,
        o.quantity,
        o.releaseQuantity,
        plan
          .pegsOf(o.index)
          .map((p) => `${p.demandId} ${fmt(p.quantity)}`)
          .join(", ") || "safety stock / lot excess",
      ]),
    ),
    "",
    "Action messages",
  ];
  const what = (a: MrpPlan["actions"][number]) =>
    a.target === "planned-order"
      ? `planned order #${a.ref + 1}`
      : `receipt ${input.receipts?.[a.ref]?.id ?? `R${a.ref + 1}`}`;
  out.push(
    plan.actions.length === 0
      ? "(none)"
      : table(
          ["action", "item", "what", "qty", "from", "to"],
          plan.actions.map((a) => [
            a.kind.toUpperCase(),
            a.item,
            what(a),
            a.quantity,
            period(a.fromPeriod),
            a.toPeriod === undefined ? "-" : `P${a.toPeriod + 1}`,
          ]),
        ),
    "",
    "Exceptions",
  );
  out.push(
    plan.exceptions.length === 0
      ? "(none)"
      : plan.exceptions
          .map((e) =>
            e.kind === "past-due-release"
              ? `- ${e.item}: releases past due by up to ${-e.value} period(s); lead time cannot be met`
              : `- ${e.item}: on hand starts ${fmt(e.value)} below safety stock`,
          )
          .join("\n"),
  );
  return out.join("\n");
}

export const registerMrp: RegisterCommand = (program) => {
  program
    .command("mrp")
    .description("Material requirements plan from an .xlsx workbook (sheets items, bom, demand, receipts)")
    .argument("<file>", "workbook, e.g. examples/mrp/power-module.xlsx")
    .option("--json", "machine-readable output")
    .option("--records", "also print each item's time-phased MRP record")
    .action(async (file: string, opts: { json?: boolean; records?: boolean }) => {
      const { input, locate } = await readMrpWorkbook(file);
      let plan: MrpPlan;
      try {
        plan = runMrp(input);
      } catch (err) {
        throw err instanceof MrpError ? locate(err) : err;
      }
      if (opts.json) return void console.log(JSON.stringify(planToJson(plan, input), null, 2));
      console.log(planToText(plan, input));
      if (opts.records) console.log(`\nMRP records\n\n${recordsToText(plan, input)}`);
    });
};
