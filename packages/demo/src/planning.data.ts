import type {
  PlanningBomLine,
  PlanningCustomerOrder,
  PlanningDemand,
  PlanningItem,
  PlanningOpenOrder,
  PlanningStock,
} from "@clusterbrain/contracts";
import { mulberry32 } from "@clusterbrain/engine/shared";
import { FIRM_A_KEY, SHIYUAN_KEY } from "./stories.data.ts";

/** Planning master data of one demo firm (input shapes of the planning contracts). */
export interface DemoPlanningData {
  orgKey: string;
  items: PlanningItem[];
  bom: PlanningBomLine[];
  stock: PlanningStock[];
  openOrders: PlanningOpenOrder[];
  customerOrders: PlanningCustomerOrder[];
  demand: PlanningDemand[];
}

/** History runs 2024-01 … 2026-10 (34 months), so plans start 2026-11. */
export const DEMO_HISTORY_START = { year: 2024, month: 1 };
export const DEMO_HISTORY_MONTHS = 34;
/** Month profile of Chinese electronics demand: Spring Festival dip, year-end procurement peak. */
const SEASON = [0.95, 0.62, 1.05, 1.0, 1.02, 1.06, 0.98, 1.0, 1.04, 1.0, 1.1, 1.22];

const month = (i: number) => {
  const m = DEMO_HISTORY_START.month - 1 + i;
  return `${DEMO_HISTORY_START.year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
};

function history(
  item: string,
  base: number,
  growthPerYear: number,
  noise: number,
  rand: () => number,
): PlanningDemand[] {
  return Array.from({ length: DEMO_HISTORY_MONTHS }, (_, i) => {
    const m = (DEMO_HISTORY_START.month - 1 + i) % 12;
    const trend = (1 + growthPerYear) ** (i / 12);
    const jitter = 1 + noise * (rand() * 2 - 1);
    return { item, periodDate: month(i), quantity: Math.round(base * SEASON[m] * trend * jitter) };
  });
}

const item = (
  code: string,
  name: string,
  unit: string,
  leadTimeDays: number,
  lot: Pick<PlanningItem, "lotRule" | "lotQuantity" | "lotMax">,
  safetyStock: number,
): PlanningItem => ({ code, name, unit, leadTimeDays, safetyStock, ...lot });
const l4l = { lotRule: "lot-for-lot" } as const;
const bom = (
  parent: string,
  component: string,
  qtyPer: number,
  version = "1",
  effectiveFrom = "2023-01-01",
  effectiveTo?: string,
): PlanningBomLine => ({
  parent,
  component,
  qtyPer,
  version,
  effectiveFrom,
  ...(effectiveTo ? { effectiveTo } : {}),
});

/** Huaci (the inductor maker): molded power inductors and common-mode chokes, sold to monitor and EMS makers. */
function inductorMaker(rand: () => number): DemoPlanningData {
  return {
    orgKey: FIRM_A_KEY,
    items: [
      item(
        "IND-MOLD-0630",
        "一体成型电感 0630 1.0µH",
        "pcs",
        14,
        { lotRule: "fixed", lotQuantity: 20000 },
        15000,
      ),
      item(
        "IND-MOLD-1040",
        "一体成型电感 1040 4.7µH",
        "pcs",
        14,
        { lotRule: "fixed", lotQuantity: 10000 },
        8000,
      ),
      item("IND-CMC-1210", "共模电感 1210", "pcs", 21, { lotRule: "poq", lotQuantity: 2 }, 5000),
      item(
        "MAT-POWDER-FESIAL",
        "铁硅铝磁粉",
        "kg",
        30,
        { lotRule: "min-max", lotQuantity: 200, lotMax: 2000 },
        100,
      ),
      item("MAT-WIRE-CU03", "漆包线 0.3mm", "kg", 20, { lotRule: "fixed", lotQuantity: 50 }, 20),
      item("MAT-FRAME-LF", "引线框架", "pcs", 25, { lotRule: "fixed", lotQuantity: 50000 }, 20000),
      item("MAT-CORE-FER1210", "铁氧体磁芯 1210", "pcs", 35, { lotRule: "fixed", lotQuantity: 20000 }, 5000),
    ],
    bom: [
      bom("IND-MOLD-0630", "MAT-POWDER-FESIAL", 0.0008),
      bom("IND-MOLD-0630", "MAT-WIRE-CU03", 0.0002),
      bom("IND-MOLD-0630", "MAT-FRAME-LF", 1),
      bom("IND-MOLD-1040", "MAT-POWDER-FESIAL", 0.0021),
      bom("IND-MOLD-1040", "MAT-WIRE-CU03", 0.0005),
      bom("IND-MOLD-1040", "MAT-FRAME-LF", 1),
      bom("IND-CMC-1210", "MAT-CORE-FER1210", 1),
      bom("IND-CMC-1210", "MAT-WIRE-CU03", 0.0009, "1", "2023-01-01", "2025-12-31"),
      bom("IND-CMC-1210", "MAT-CORE-FER1210", 1, "2", "2026-01-01"),
      bom("IND-CMC-1210", "MAT-WIRE-CU03", 0.0007, "2", "2026-01-01"),
    ],
    stock: [
      { item: "IND-MOLD-0630", location: "成品库", quantity: 42000 },
      { item: "IND-MOLD-1040", location: "成品库", quantity: 18000 },
      { item: "IND-CMC-1210", location: "成品库", quantity: 9000 },
      { item: "MAT-POWDER-FESIAL", location: "原料库", quantity: 260 },
      { item: "MAT-WIRE-CU03", location: "原料库", quantity: 48 },
      { item: "MAT-FRAME-LF", location: "原料库", quantity: 90000 },
      { item: "MAT-CORE-FER1210", location: "原料库", quantity: 12000 },
    ],
    openOrders: [
      {
        orderNo: "PO-HC-2610-01",
        kind: "purchase",
        item: "MAT-POWDER-FESIAL",
        quantity: 600,
        dueDate: "2027-01-12",
      },
      {
        orderNo: "PO-HC-2610-02",
        kind: "purchase",
        item: "MAT-FRAME-LF",
        quantity: 100000,
        dueDate: "2026-11-20",
      },
      {
        orderNo: "MO-HC-2610-07",
        kind: "production",
        item: "IND-MOLD-0630",
        quantity: 40000,
        dueDate: "2026-12-05",
      },
    ],
    customerOrders: [
      {
        orderNo: "SO-HC-2611-001",
        customer: "世源科技(嘉兴)医疗电子有限公司",
        item: "IND-MOLD-1040",
        quantity: 12000,
        dueDate: "2026-11-25",
      },
      {
        orderNo: "SO-HC-2611-002",
        customer: "嘉兴禾联电子制造有限公司",
        item: "IND-MOLD-0630",
        quantity: 150000,
        dueDate: "2026-11-18",
      },
      {
        orderNo: "SO-HC-2612-003",
        customer: "嘉兴禾联电子制造有限公司",
        item: "IND-CMC-1210",
        quantity: 30000,
        dueDate: "2026-12-10",
      },
      {
        orderNo: "SO-HC-2701-004",
        customer: "世源科技(嘉兴)医疗电子有限公司",
        item: "IND-MOLD-1040",
        quantity: 15000,
        dueDate: "2027-01-15",
      },
    ],
    demand: [
      ...history("IND-MOLD-0630", 160000, 0.18, 0.08, rand),
      ...history("IND-MOLD-1040", 60000, 0.25, 0.1, rand),
      ...history("IND-CMC-1210", 35000, 0.06, 0.12, rand),
    ],
  };
}

/** Shiyuan (the patient-monitor maker): monitors and ECG carts built from boards, displays and Huaci inductors. */
function monitorMaker(rand: () => number): DemoPlanningData {
  return {
    orgKey: SHIYUAN_KEY,
    items: [
      item("PM-12", "12.1 英寸多参数监护仪", "台", 10, l4l, 20),
      item("PM-15", "15 英寸多参数监护仪", "台", 10, l4l, 10),
      item("ECG-12", "十二导心电图机", "台", 12, l4l, 8),
      item("PCBA-MAIN", "主控板 PCBA", "块", 30, { lotRule: "fixed", lotQuantity: 200 }, 40),
      item("PSU-MED-60W", "医疗电源 60W", "个", 25, { lotRule: "fixed", lotQuantity: 100 }, 30),
      item("DISP-121", "12.1 英寸液晶屏", "块", 40, { lotRule: "poq", lotQuantity: 2 }, 20),
      item("DISP-121B", "12.1 英寸液晶屏 B 型(高亮)", "块", 40, { lotRule: "poq", lotQuantity: 2 }, 20),
      item("DISP-150", "15 英寸液晶屏", "块", 40, { lotRule: "poq", lotQuantity: 2 }, 10),
      item("SPO2-MOD", "血氧模块", "个", 35, { lotRule: "fixed", lotQuantity: 100 }, 30),
      item("ECG-AFE", "心电模拟前端芯片", "颗", 60, { lotRule: "fixed", lotQuantity: 500 }, 100),
      item(
        "IND-MOLD-1040",
        "一体成型电感 1040 4.7µH(华磁)",
        "pcs",
        14,
        { lotRule: "fixed", lotQuantity: 5000 },
        2000,
      ),
    ],
    bom: [
      bom("PM-12", "PCBA-MAIN", 1),
      bom("PM-12", "PSU-MED-60W", 1),
      bom("PM-12", "DISP-121", 1, "1", "2023-01-01", "2026-06-30"),
      bom("PM-12", "SPO2-MOD", 1, "1", "2023-01-01", "2026-06-30"),
      bom("PM-12", "PCBA-MAIN", 1, "2", "2026-07-01"),
      bom("PM-12", "PSU-MED-60W", 1, "2", "2026-07-01"),
      bom("PM-12", "DISP-121B", 1, "2", "2026-07-01"),
      bom("PM-12", "SPO2-MOD", 1, "2", "2026-07-01"),
      bom("PM-15", "PCBA-MAIN", 1),
      bom("PM-15", "PSU-MED-60W", 1),
      bom("PM-15", "DISP-150", 1),
      bom("PM-15", "SPO2-MOD", 1),
      bom("ECG-12", "PCBA-MAIN", 1),
      bom("ECG-12", "PSU-MED-60W", 1),
      bom("ECG-12", "ECG-AFE", 2),
      bom("PCBA-MAIN", "IND-MOLD-1040", 24),
      bom("PCBA-MAIN", "ECG-AFE", 1),
    ],
    stock: [
      { item: "PM-12", location: "成品库", quantity: 35 },
      { item: "PM-15", location: "成品库", quantity: 12 },
      { item: "ECG-12", location: "成品库", quantity: 9 },
      { item: "PCBA-MAIN", location: "半成品库", quantity: 120 },
      { item: "PSU-MED-60W", location: "原料库", quantity: 150 },
      { item: "DISP-121B", location: "原料库", quantity: 60 },
      { item: "DISP-150", location: "原料库", quantity: 25 },
      { item: "SPO2-MOD", location: "原料库", quantity: 90 },
      { item: "ECG-AFE", location: "原料库", quantity: 400 },
      { item: "IND-MOLD-1040", location: "原料库", quantity: 3000 },
    ],
    openOrders: [
      {
        orderNo: "PO-SY-2610-11",
        kind: "purchase",
        item: "IND-MOLD-1040",
        quantity: 12000,
        dueDate: "2026-11-25",
      },
      { orderNo: "PO-SY-2610-12", kind: "purchase", item: "PCBA-MAIN", quantity: 200, dueDate: "2027-01-20" },
      { orderNo: "PO-SY-2609-05", kind: "purchase", item: "DISP-121", quantity: 80, dueDate: "2026-12-01" },
      { orderNo: "MO-SY-2610-03", kind: "production", item: "PM-12", quantity: 60, dueDate: "2026-11-15" },
    ],
    customerOrders: [
      {
        orderNo: "SO-SY-2611-101",
        customer: "嘉兴市第一医院",
        item: "PM-12",
        quantity: 80,
        dueDate: "2026-11-28",
      },
      {
        orderNo: "SO-SY-2612-102",
        customer: "嘉兴市妇幼保健院",
        item: "PM-15",
        quantity: 40,
        dueDate: "2026-12-15",
      },
      {
        orderNo: "SO-SY-2612-103",
        customer: "嘉兴市第二医院",
        item: "ECG-12",
        quantity: 25,
        dueDate: "2026-12-20",
      },
      {
        orderNo: "SO-SY-2701-104",
        customer: "平湖市人民医院",
        item: "PM-12",
        quantity: 120,
        dueDate: "2027-01-18",
      },
    ],
    demand: [
      ...history("PM-12", 140, 0.12, 0.12, rand),
      ...history("PM-15", 55, 0.2, 0.15, rand),
      ...history("ECG-12", 30, 0.05, 0.2, rand),
    ],
  };
}

/** Planning master data for the demo's inductor maker and patient-monitor maker (seeded, deterministic). */
export function demoPlanningData(seed: number): DemoPlanningData[] {
  const rand = mulberry32(seed ^ 0x9e3779b9);
  return [inductorMaker(rand), monitorMaker(rand)];
}
