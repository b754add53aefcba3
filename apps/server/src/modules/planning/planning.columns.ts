import type { PlanningEntity } from "@clusterbrain/contracts";
import type { ColumnSpec } from "../imports/import.columns.ts";

/** A planning template column: the shared import column plus how its cell is read. */
export interface PlanningColumn extends ColumnSpec {
  type: "text" | "number" | "date";
  example: string | number;
}

/** English column labels (templates and reports in English). */
const LABELS_EN: Readonly<Record<string, string>> = {
  code: "Item code",
  component: "Component code",
  customer: "Customer",
  dueDate: "Due date",
  effectiveFrom: "Effective from",
  effectiveTo: "Effective to",
  item: "Item code",
  kind: "Kind",
  leadTimeDays: "Lead time (days)",
  location: "Location",
  lotMax: "Maximum lot",
  lotQuantity: "Lot quantity",
  lotRule: "Lot-sizing rule",
  name: "Item name",
  orderNo: "Order number",
  parent: "Parent code",
  periodDate: "Period date",
  qtyPer: "Quantity per",
  quantity: "Quantity",
  safetyStock: "Safety stock",
  unit: "Unit",
  version: "Version",
  priority: "Priority",
  workCentre: "Work centre",
  shifts: "Shifts",
  workdays: "Weekdays worked",
  seq: "Step",
  operation: "Operation",
  machine: "Machine code",
  minutesPerUnit: "Minutes per unit",
  fixedMinutes: "Fixed minutes",
  family: "Product family",
  fromFamily: "From family",
  toFamily: "To family",
  minutes: "Minutes",
  date: "Date",
  note: "Note",
};

const col = (
  key: string,
  labelZh: string,
  required: boolean,
  type: PlanningColumn["type"],
  example: string | number,
  description: string,
): PlanningColumn => ({
  key,
  labelZh,
  labelEn: LABELS_EN[key] ?? key,
  required,
  type,
  example,
  description,
  maxLength: 200,
});

/** Template columns per entity, in file order (the data keys of the contracts' schemas). */
export const PLANNING_COLUMNS: Record<PlanningEntity, readonly PlanningColumn[]> = {
  items: [
    col("code", "物料编码", true, "text", "IND-0630", "unique item code"),
    col("name", "物料名称", true, "text", "贴片功率电感 0630", "name"),
    col("unit", "单位", true, "text", "pcs", "unit of measure"),
    col("leadTimeDays", "提前期(天)", true, "number", 14, "days from release to receipt"),
    col("lotRule", "批量规则", false, "text", "fixed", "lot-for-lot | fixed | poq | min-max"),
    col("lotQuantity", "批量", false, "number", 5000, "fixed: batch size; poq: periods; min-max: minimum"),
    col("lotMax", "最大批量", false, "number", "", "min-max only: the maximum order"),
    col("safetyStock", "安全库存", false, "number", 2000, "quantity kept in reserve"),
  ],
  bom: [
    col("parent", "父项编码", true, "text", "IND-0630", "item made"),
    col("component", "子项编码", true, "text", "FER-CORE-06", "item consumed"),
    col("qtyPer", "单位用量", true, "number", 1, "units of component per unit of parent"),
    col("version", "版本", false, "text", "1", "BOM version"),
    col("effectiveFrom", "生效日期", false, "date", "2024-01-01", "YYYY-MM-DD"),
    col("effectiveTo", "失效日期", false, "date", "", "YYYY-MM-DD, blank = open"),
  ],
  stock: [
    col("item", "物料编码", true, "text", "FER-CORE-06", "item"),
    col("location", "库位", false, "text", "main", "warehouse or location"),
    col("quantity", "库存数量", true, "number", 12000, "on hand"),
  ],
  "open-orders": [
    col("orderNo", "订单号", true, "text", "PO-2026-001", "purchase or production order number"),
    col("kind", "订单类型", true, "text", "purchase", "purchase | production"),
    col("item", "物料编码", true, "text", "FER-CORE-06", "item"),
    col("quantity", "数量", true, "number", 10000, "open quantity"),
    col("dueDate", "到货日期", true, "date", "2026-02-15", "YYYY-MM-DD"),
    col("priority", "优先级", false, "number", "", "production orders: tardiness weight 1-10 (blank = 1)"),
  ],
  "customer-orders": [
    col("orderNo", "销售订单号", true, "text", "SO-2026-001", "customer order number"),
    col("customer", "客户", true, "text", "嘉兴丙医疗设备有限公司", "customer name"),
    col("item", "物料编码", true, "text", "IND-0630", "item ordered"),
    col("quantity", "数量", true, "number", 8000, "quantity"),
    col("dueDate", "交货日期", true, "date", "2026-03-10", "YYYY-MM-DD"),
  ],
  demand: [
    col("item", "物料编码", true, "text", "IND-0630", "item"),
    col("periodDate", "期间日期", true, "date", "2025-01-01", "first day of the period (YYYY-MM-DD)"),
    col("quantity", "需求数量", true, "number", 42000, "demand in that period"),
  ],
  machines: [
    col("code", "设备编码", true, "text", "PRESS-01", "unique machine code"),
    col("name", "设备名称", true, "text", "一体成型压机 1 号", "name"),
    col("workCentre", "工作中心", true, "text", "MOLD", "work centre"),
    col("shifts", "班次", false, "text", "08:00-16:00;16:00-24:00", "working hours of a day"),
    col("workdays", "工作日", false, "text", "1-6", "weekdays worked, 1 = Monday"),
  ],
  routings: [
    col("item", "物料编码", true, "text", "IND-MOLD-0630", "item made"),
    col("seq", "工序号", true, "number", 10, "step order"),
    col("operation", "工序名称", true, "text", "压制成型", "operation"),
    col("machine", "设备编码", true, "text", "PRESS-01", "one eligible machine (one row per alternative)"),
    col("minutesPerUnit", "单件工时(分)", true, "number", 0.01, "minutes per unit on this machine"),
    col("fixedMinutes", "固定工时(分)", false, "number", 20, "minutes per order (e.g. first-article check)"),
    col("family", "产品族", false, "text", "MOLD-S", "setup family of the item"),
  ],
  setups: [
    col("machine", "设备编码", false, "text", "*", "machine code, * = every machine"),
    col("fromFamily", "前产品族", true, "text", "MOLD-S", "family run before"),
    col("toFamily", "后产品族", true, "text", "MOLD-L", "family run next"),
    col("minutes", "换型时间(分)", true, "number", 45, "setup minutes"),
  ],
  calendar: [
    col("date", "日期", true, "date", "2026-10-10", "YYYY-MM-DD"),
    col("kind", "类型", true, "text", "workday", "holiday | workday (调休 working weekend)"),
    col("note", "说明", false, "text", "国庆调休", "note"),
  ],
};

/** The natural key of a record within its org and entity. */
export function naturalKey(entity: PlanningEntity, data: Record<string, unknown>): string {
  const s = (k: string) => String(data[k] ?? "");
  switch (entity) {
    case "items":
      return s("code");
    case "bom":
      return `${s("parent")}|${s("component")}|${s("version")}`;
    case "stock":
      return `${s("item")}|${s("location")}`;
    case "open-orders":
      return s("orderNo");
    case "customer-orders":
      return `${s("orderNo")}|${s("item")}`;
    case "demand":
      return `${s("item")}|${s("periodDate")}`;
    case "machines":
      return s("code");
    case "routings":
      return `${s("item")}|${s("seq")}|${s("machine")}`;
    case "setups":
      return `${s("machine")}|${s("fromFamily")}|${s("toFamily")}`;
    case "calendar":
      return s("date");
  }
}

/** Item codes a record refers to (they must exist among the org's items). */
export function referencedItems(entity: PlanningEntity, data: Record<string, unknown>): [string, string][] {
  if (entity === "items" || entity === "machines" || entity === "setups" || entity === "calendar") return [];
  if (entity === "bom")
    return [
      ["parent", String(data.parent)],
      ["component", String(data.component)],
    ];
  return [["item", String(data.item)]];
}
