import type {
  BilingualName,
  ImportColumn,
  ImportEntity,
  OrgKind,
  SizeBand,
  VolumeBand,
} from "@clusterbrain/contracts";

/** A template column: the key is what issues name; the Chinese label is accepted as a header too. */
export interface ColumnSpec extends ImportColumn {
  maxLength: number;
  labelEn: string;
}

const col = (
  key: string,
  labelZh: string,
  required: boolean,
  maxLength: number,
  description: string,
): ColumnSpec => ({
  key,
  labelZh,
  labelEn: LABELS_EN[key] ?? key,
  required,
  maxLength,
  description,
});

/** English column labels (the web shows its own translations; these are for exported headers). */
const LABELS_EN: Readonly<Record<string, string>> = {
  uscc: "Unified social credit code",
  kind: "Kind",
  nameZh: "Chinese name",
  nameEn: "English name",
  district: "District",
  address: "Address",
  industryCode: "Industry code",
  sizeBand: "Size",
  foundedYear: "Year founded",
  website: "Website",
  products: "Products",
  chainNodes: "Chain nodes",
  supplierUscc: "Supplier's credit code",
  customerUscc: "Customer's credit code",
  product: "Product",
  volumeBand: "Yearly volume",
  chainNode: "Chain node",
  sinceYear: "Since (year)",
};

export const ORG_COLUMNS: readonly ColumnSpec[] = [
  col("uscc", "统一社会信用代码", false, 18, "18 characters, GB 32100-2015; required for enterprises"),
  col(
    "kind",
    "组织类型",
    true,
    20,
    "enterprise 企业 | university 高校 | institute 科研院所 | service 服务机构 | government 政府部门",
  ),
  col("nameZh", "中文名称", true, 200, "registered Chinese name"),
  col("nameEn", "英文名称", true, 200, "English name"),
  col("district", "区县", false, 100, "e.g. 南湖区"),
  col("address", "地址", false, 300, "street address"),
  col("industryCode", "行业代码", false, 10, "GB/T 4754-2017, e.g. 3981"),
  col("sizeBand", "规模", false, 10, "micro 微型 | small 小型 | medium 中型 | large 大型 (default small)"),
  col("foundedYear", "成立年份", false, 4, "four-digit year"),
  col("website", "网站", false, 300, "https://…"),
  col(
    "products",
    "主要产品",
    false,
    2000,
    "items separated by ; — each 中文|English, e.g. 功率电感|Power inductor",
  ),
  col("chainNodes", "产业链环节", false, 1000, "chain node codes separated by ;, e.g. power-inductor;mlcc"),
];

export const RELATION_COLUMNS: readonly ColumnSpec[] = [
  col("supplierUscc", "供应方统一社会信用代码", true, 18, "supplier's 统一社会信用代码"),
  col("customerUscc", "客户统一社会信用代码", true, 18, "customer's 统一社会信用代码"),
  col("product", "产品", true, 200, "what is supplied"),
  col("volumeBand", "年交易额区间", true, 20, "lt1m | 1m-10m | 10m-50m | 50m-200m | gt200m (CNY per year)"),
  col("chainNode", "产业链环节", false, 100, "chain node code of the product, e.g. power-inductor"),
  col("sinceYear", "起始年份", false, 4, "year the relation began"),
];

export const COLUMNS: Readonly<Record<ImportEntity, readonly ColumnSpec[]>> = {
  orgs: ORG_COLUMNS,
  relations: RELATION_COLUMNS,
};

/** Header text as exported: "中文名称 (nameZh)" — readable in Chinese, unambiguous for re-import. */
export function headerText(spec: ColumnSpec): string {
  return `${spec.labelZh} (${spec.key})`;
}

type Lang = "zh" | "en";

/** Readable names of coded values, as exports write them and imports accept them back. */
export const KIND_NAMES: Readonly<Record<OrgKind, BilingualName>> = {
  enterprise: { zh: "企业", en: "Enterprise" },
  university: { zh: "高校", en: "University" },
  institute: { zh: "科研院所", en: "Research institute" },
  service: { zh: "服务机构", en: "Service body" },
  government: { zh: "政府部门", en: "Government office" },
  operator: { zh: "集群运营方", en: "Cluster operator" },
};
export const SIZE_NAMES: Readonly<Record<SizeBand, BilingualName>> = {
  micro: { zh: "微型", en: "Micro" },
  small: { zh: "小型", en: "Small" },
  medium: { zh: "中型", en: "Medium" },
  large: { zh: "大型", en: "Large" },
};
export const VOLUME_NAMES: Readonly<Record<VolumeBand, BilingualName>> = {
  lt1m: { zh: "100万元以下", en: "< CNY 1 m" },
  "1m-10m": { zh: "100万-1000万元", en: "CNY 1–10 m" },
  "10m-50m": { zh: "1000万-5000万元", en: "CNY 10–50 m" },
  "50m-200m": { zh: "5000万-2亿元", en: "CNY 50–200 m" },
  gt200m: { zh: "2亿元以上", en: "> CNY 200 m" },
};

/** Label → code, both languages (English in lower case: RowReader.coded looks up both forms). */
function labelsOf(names: Readonly<Record<string, BilingualName>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [code, n] of Object.entries(names)) {
    out[n.zh] = code;
    out[n.en.toLowerCase()] = code;
  }
  return out;
}
export const KIND_LABELS = labelsOf(KIND_NAMES);
export const SIZE_LABELS = labelsOf(SIZE_NAMES);
export const VOLUME_LABELS = labelsOf(VOLUME_NAMES);

/** The label of a coded value in a language (the code itself when unnamed). */
export function codeLabel(names: Readonly<Record<string, BilingualName>>, code: string, lang: Lang): string {
  return names[code]?.[lang] ?? code;
}

/** Header text in a language: "中文名称 (nameZh)" / "Chinese name (nameZh)"; the key keeps re-import exact. */
export function headerTextIn(spec: ColumnSpec, lang: Lang): string {
  return `${lang === "en" ? spec.labelEn : spec.labelZh} (${spec.key})`;
}
