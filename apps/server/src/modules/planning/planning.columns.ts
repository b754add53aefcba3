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
  }
}

/** Item codes a record refers to (they must exist among the org's items). */
export function referencedItems(entity: PlanningEntity, data: Record<string, unknown>): [string, string][] {
  if (entity === "items") return [];
  if (entity === "bom")
    return [
      ["parent", String(data.parent)],
      ["component", String(data.component)],
    ];
  return [["item", String(data.item)]];
}
