import {
  type ImportIssue,
  PLANNING_DATA_SCHEMAS,
  type PlanningEntity,
  type PlanningMrpResult,
  type PlanningRecord,
} from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { fieldMessage } from "../../http/field-issue.mapper.ts";
import { mapHeader, RowReader, sortIssues } from "../imports/import.header.ts";
import { readSheet } from "../imports/sheet.reader.ts";
import { naturalKey, PLANNING_COLUMNS, type PlanningColumn, referencedItems } from "./planning.columns.ts";

export type RecordData = Record<string, string | number | null>;

/** A row that passed every check, with its natural key. */
export interface ValidRow {
  row: number;
  key: string;
  data: RecordData;
}

export interface SheetValidation {
  totalRows: number;
  ignoredColumns: string[];
  valid: ValidRow[];
  issues: ImportIssue[];
}

const header = (c: PlanningColumn) => `${c.labelZh} (${c.key})`;

/** Drops undefined fields so the record is plain JSON. */
export function plain(data: Record<string, unknown>): RecordData {
  const out: RecordData = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    out[k] = typeof v === "number" || typeof v === "string" ? v : v === null ? null : String(v);
  }
  return out;
}

function sheetOf(workbook: ExcelJS.Workbook, entity: PlanningEntity): ExcelJS.Worksheet {
  const columns = PLANNING_COLUMNS[entity];
  const sheet = workbook.addWorksheet(entity);
  sheet.columns = columns.map((c) => ({
    header: header(c),
    key: c.key,
    width: Math.max(14, header(c).length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** An empty template: the data sheet first (what import reads), then a sheet explaining each column. */
export async function templateWorkbook(entity: PlanningEntity): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheetOf(workbook, entity);
  const help = workbook.addWorksheet("说明 help");
  help.columns = [
    { header: "列 column", key: "column", width: 28 },
    { header: "必填 required", key: "required", width: 14 },
    { header: "说明 description", key: "description", width: 50 },
    { header: "示例 example", key: "example", width: 24 },
  ];
  for (const c of PLANNING_COLUMNS[entity])
    help.addRow({
      column: header(c),
      required: c.required ? "是 yes" : "否 no",
      description: c.description,
      example: c.example,
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Records in the template layout, so an export can be edited and imported again. */
export async function exportWorkbook(
  entity: PlanningEntity,
  records: readonly PlanningRecord[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = sheetOf(workbook, entity);
  for (const r of records) sheet.addRow(r.data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads the first sheet with the import machinery (readSheet, header mapping, row reader) and checks
 * every row against the entity's schema; `knownItems` are the item codes references may name.
 */
export async function validateSheet(
  entity: PlanningEntity,
  bytes: Uint8Array,
  knownItems: ReadonlySet<string>,
): Promise<SheetValidation> {
  const columns = PLANNING_COLUMNS[entity];
  const [headerRow, ...dataRows] = await readSheet(bytes, "xlsx");
  if (!headerRow) return { totalRows: 0, ignoredColumns: [], valid: [], issues: [] };
  const map = mapHeader(headerRow, columns);
  if (map.issues.length > 0)
    return { totalRows: dataRows.length, ignoredColumns: map.ignored, valid: [], issues: map.issues };

  const items = new Set(knownItems);
  const parsedRows: { row: number; reader: RowReader; data?: RecordData }[] = [];
  for (const row of dataRows) {
    const reader = new RowReader(row, map, columns);
    const raw: Record<string, unknown> = {};
    for (const c of columns) {
      const value = c.required ? reader.required(c.key) : reader.get(c.key);
      if (value === "") continue;
      if (c.type === "number") {
        const n = Number(value.replace(/,/g, ""));
        if (Number.isFinite(n)) raw[c.key] = n;
        else
          reader.fail(c.key, "INVALID_VALUE", `${c.key} must be a number (got "${value}")`, {
            key: "import.number",
            params: { got: value },
          });
      } else raw[c.key] = value;
    }
    const parsed = PLANNING_DATA_SCHEMAS[entity].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? columns[0].key);
        if (!reader.has(key))
          reader.fail(
            key,
            "INVALID_VALUE",
            `${key}: ${issue.message}`,
            fieldMessage({
              keyword: issue.code,
              instancePath: `/${issue.path.join("/")}`,
              message: issue.message,
              params: { ...issue },
            }),
          );
      }
    }
    const data = parsed.success ? plain(parsed.data) : undefined;
    if (data && entity === "items") items.add(String(data.code));
    parsedRows.push({ row: row.row, reader, data });
  }

  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, reader, data } of parsedRows) {
    if (data) {
      for (const [column, code] of referencedItems(entity, data))
        if (!items.has(code))
          reader.fail(
            column,
            "INVALID_VALUE",
            `${column}: unknown item "${code}" (import or create the item first)`,
            { key: "import.unknownItem", params: { code } },
          );
      const key = naturalKey(entity, data);
      const first = seen.get(key);
      if (first !== undefined)
        reader.fail(
          columns[0].key,
          "DUPLICATE_IN_FILE",
          `the same record (${key}) is already on row ${first}`,
          { key: "import.duplicateRecord", params: { record: key, row: first } },
        );
      else seen.set(key, row);
      if (reader.issues.length === 0) valid.push({ row, key, data });
    }
  }
  return {
    totalRows: dataRows.length,
    ignoredColumns: map.ignored,
    valid,
    issues: sortIssues(
      parsedRows.flatMap((r) => r.reader.issues),
      columns,
    ),
  };
}

/** An MRP result as a workbook: planned orders, action messages, pegging (one row per peg). */
export async function mrpWorkbook(result: PlanningMrpResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const orders = workbook.addWorksheet("计划订单 planned orders");
  orders.addRow(["#", "物料 item", "下达 release", "到货 receipt", "逾期 past due", "数量 quantity"]);
  for (const o of result.plannedOrders)
    orders.addRow([o.index + 1, o.item, o.releaseDate, o.receiptDate, o.pastDue ? "是 yes" : "", o.quantity]);
  const actions = workbook.addWorksheet("行动信息 actions");
  actions.addRow(["类型 kind", "物料 item", "订单 order", "数量 quantity", "从 from", "到 to"]);
  for (const a of result.actions)
    actions.addRow([a.kind, a.item, a.orderNo ?? "", a.quantity, a.fromDate, a.toDate ?? ""]);
  const pegs = workbook.addWorksheet("追溯 pegging");
  pegs.addRow([
    "计划订单 # order",
    "物料 item",
    "需求 demand",
    "需求物料 demand item",
    "日期 date",
    "数量 quantity",
  ]);
  for (const o of result.plannedOrders)
    for (const g of o.pegs) pegs.addRow([o.index + 1, o.item, g.demandId, g.item, g.date, g.quantity]);
  for (const sheet of [orders, actions, pegs]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
