import type { ColumnSpec } from "../imports/import.columns.ts";

const col = (
  key: string,
  labelZh: string,
  labelEn: string,
  required: boolean,
  maxLength: number,
  description: string,
): ColumnSpec => ({
  key,
  labelZh,
  labelEn,
  required,
  maxLength,
  description,
});

/** The asset-tree template: one row per tag (or per device / machine without tags yet). */
export const ASSET_COLUMNS: readonly ColumnSpec[] = [
  col("site", "厂区", "Site", true, 200, "site name; created when new"),
  col("line", "产线", "Line", true, 200, "line name within the site"),
  col("machine", "设备机台", "Machine", true, 200, "machine name within the line"),
  col(
    "processType",
    "工艺类型",
    "Process type",
    true,
    30,
    "smt_placement 贴片 | reflow 回流焊 | coil_winding 绕线 | moulding 注塑 | test 测试 | sterilisation 灭菌 | other 其他",
  ),
  col("device", "采集终端", "Device", false, 200, "device (controller/gateway) name on the machine"),
  col("tag", "测点", "Tag", false, 200, "tag key as the device sends it, e.g. zone3/temp"),
  col("unit", "单位", "Unit", false, 40, "e.g. °C, N, rpm"),
  col(
    "dataType",
    "数据类型",
    "Data type",
    false,
    10,
    "number 数值 | boolean 开关 | string 文本 (required with a tag)",
  ),
  col("low", "下限", "Low limit", false, 30, "lower limit (number)"),
  col("high", "上限", "High limit", false, 30, "upper limit (number)"),
  col(
    "samplingMs",
    "采样间隔毫秒",
    "Sampling interval (ms)",
    false,
    9,
    "expected sampling interval in ms (default 1000)",
  ),
];

export const PROCESS_TYPE_LABELS: Readonly<Record<string, string>> = {
  贴片: "smt_placement",
  回流焊: "reflow",
  绕线: "coil_winding",
  注塑: "moulding",
  测试: "test",
  灭菌: "sterilisation",
  其他: "other",
};
export const DATA_TYPE_LABELS: Readonly<Record<string, string>> = {
  数值: "number",
  开关: "boolean",
  文本: "string",
};
