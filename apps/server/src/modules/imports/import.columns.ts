import type { ImportColumn, ImportEntity } from "@clusterbrain/contracts";

/** A template column: the key is what issues name; the Chinese label is accepted as a header too. */
export interface ColumnSpec extends ImportColumn {
  maxLength: number;
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
  required,
  maxLength,
  description,
});

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

/** Chinese labels accepted for coded values, so a hand-filled sheet may use either. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  企业: "enterprise",
  高校: "university",
  科研院所: "institute",
  服务机构: "service",
  政府部门: "government",
  集群运营方: "operator",
};
export const SIZE_LABELS: Readonly<Record<string, string>> = {
  微型: "micro",
  小型: "small",
  中型: "medium",
  大型: "large",
};
export const VOLUME_LABELS: Readonly<Record<string, string>> = {
  "100万元以下": "lt1m",
  "100万-1000万元": "1m-10m",
  "1000万-5000万元": "10m-50m",
  "5000万-2亿元": "50m-200m",
  "2亿元以上": "gt200m",
};
