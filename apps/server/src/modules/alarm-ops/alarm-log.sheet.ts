import type { Alarm, AlarmListQuery } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";

const COLUMNS: { header: string; key: keyof Alarm | "filters"; width: number }[] = [
  { header: "发生时间 Raised", key: "raisedAt", width: 24 },
  { header: "测点 Tag", key: "tagKey", width: 22 },
  { header: "设备 Device", key: "deviceId", width: 18 },
  { header: "优先级 Priority", key: "priority", width: 12 },
  { header: "状态 State", key: "state", width: 12 },
  { header: "活动 Active", key: "active", width: 10 },
  { header: "触发值 Value", key: "value", width: 12 },
  { header: "单位 Unit", key: "unit", width: 8 },
  { header: "检测 Sources", key: "sources", width: 22 },
  { header: "恢复时间 Cleared", key: "clearedAt", width: 24 },
  { header: "确认时间 Acknowledged", key: "acknowledgedAt", width: 24 },
  { header: "确认人 By", key: "acknowledgedBy", width: 18 },
  { header: "搁置至 Shelved until", key: "shelvedUntil", width: 24 },
  { header: "评论 Comments", key: "comments", width: 10 },
  { header: "报警 ID", key: "id", width: 38 },
];

/** The alarm log as the list shows it (same filters), with the filters written on a second sheet. */
export async function alarmLogWorkbook(
  alarms: readonly Alarm[],
  q: AlarmListQuery,
  at: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = at;
  const sheet = workbook.addWorksheet("报警日志 Alarm log");
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const a of alarms)
    sheet.addRow({
      ...a,
      active: a.active ? "yes" : "no",
      sources: a.sources.join(", "),
    });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const filters = workbook.addWorksheet("筛选 Filters");
  filters.addRow(["导出时间 Exported", at.toISOString()]);
  for (const [k, v] of Object.entries(q)) if (v !== undefined) filters.addRow([k, String(v)]);
  filters.addRow(["行数 Rows", alarms.length]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
