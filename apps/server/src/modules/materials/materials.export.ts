import type { MaterialCategory, MaterialListing } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { addSheet, type Cell } from "../imports/sheet.writer.ts";

type Lang = "zh" | "en";

const HEADERS: Record<Lang, string[]> = {
  zh: ["类型", "物料类别", "规格", "数量", "单位", "需求/可供日期", "区域", "企业", "状态"],
  en: [
    "Kind",
    "Category",
    "Specification",
    "Quantity",
    "Unit",
    "Wanted by / available from",
    "District",
    "Firm",
    "Status",
  ],
};

const CATEGORY: Record<MaterialCategory, [string, string]> = {
  "ferrite-core": ["磁芯", "Ferrite cores"],
  "copper-wire": ["铜线/漆包线", "Copper wire"],
  pcb: ["印制电路板", "PCBs"],
  connector: ["连接器", "Connectors"],
  "passive-component": ["被动元件", "Passive components"],
  semiconductor: ["半导体器件", "Semiconductors"],
  "plastic-resin": ["塑料/树脂", "Plastics and resins"],
  "metal-part": ["金属件", "Metal parts"],
  packaging: ["包装材料", "Packaging"],
  other: ["其他", "Other"],
};
const KIND = { need: ["需求", "Need"], offer: ["供应", "Offer"] } as const;
const STATUS = { draft: ["草稿", "Draft"], open: ["公开", "Open"], closed: ["已关闭", "Closed"] } as const;

/** One row per listing, as the screen lists them, with labels in `lang`. */
export function materialRows(items: readonly MaterialListing[], lang: Lang): Cell[][] {
  const i = lang === "en" ? 1 : 0;
  const name = (zh: string, en: string | null) => (lang === "en" ? en || zh : zh || (en ?? ""));
  return items.map((l) => [
    KIND[l.kind][i],
    CATEGORY[l.category][i],
    l.spec,
    l.quantity,
    l.unit,
    l.byDate,
    l.district,
    name(l.orgNameZh, l.orgNameEn),
    STATUS[l.status][i],
  ]);
}

export async function materialsWorkbook(
  items: readonly MaterialListing[],
  lang: Lang,
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.created = now;
  addSheet(workbook, lang === "en" ? "Materials" : "物料供需", HEADERS[lang], materialRows(items, lang));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
