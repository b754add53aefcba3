import type { MachineStateName, OeeFigures, OeeReport, ReportDocument } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { addSheet, type Cell } from "../imports/sheet.writer.ts";

type Lang = "zh" | "en";

const T = {
  zh: {
    periods: "OEE 趋势",
    machines: "设备",
    pareto: "停机帕累托",
    downtime: "停机明细",
    period: ["开始", "结束", "班次"],
    figures: ["计划时间（分）", "运行时间（分）", "总数", "良品", "可用率", "性能率", "良品率", "OEE"],
    losses: [
      "故障（分）",
      "换型调整（分）",
      "空转短停（分）",
      "降速（分）",
      "开机废品（分）",
      "制程废品（分）",
      "无数据（分）",
    ],
    machine: ["设备", "工艺", "理想节拍（秒）"],
    paretoCols: ["状态", "原因", "分钟", "次数", "累计占比"],
    downtimeCols: ["设备", "状态", "原因", "开始", "结束", "分钟", "来源", "备注"],
    shift: { day: "白班", night: "夜班" },
    state: { running: "运行", idle: "待机", setup: "换型调整", down: "故障停机", planned_stop: "计划停机" },
    source: { tag: "测点", manual: "人工录入" },
    open: "进行中",
  },
  en: {
    periods: "OEE trend",
    machines: "Machines",
    pareto: "Downtime Pareto",
    downtime: "Stops",
    period: ["Start", "End", "Shift"],
    figures: ["Planned (min)", "Run (min)", "Total", "Good", "Availability", "Performance", "Quality", "OEE"],
    losses: [
      "Breakdowns (min)",
      "Setup (min)",
      "Idling & minor stops (min)",
      "Reduced speed (min)",
      "Start-up rejects (min)",
      "Production rejects (min)",
      "No data (min)",
    ],
    machine: ["Machine", "Process", "Ideal cycle (s)"],
    paretoCols: ["State", "Reason", "Minutes", "Stops", "Cumulative share"],
    downtimeCols: ["Machine", "State", "Reason", "Start", "End", "Minutes", "Source", "Note"],
    shift: { day: "Day", night: "Night" },
    state: { running: "Running", idle: "Idle", setup: "Setup", down: "Down", planned_stop: "Planned stop" },
    source: { tag: "Tag", manual: "Entered by hand" },
    open: "ongoing",
  },
} as const;

/** "2026-12-07 11:45" in the cluster's time zone (UTC+8). */
function clusterTime(iso: string | null): string {
  if (iso === null) return "";
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

const pct = (x: number | null): Cell => (x === null ? null : Math.round(x * 10_000) / 10_000);

function figureCells(f: OeeFigures): Cell[] {
  const l = f.losses;
  return [
    f.plannedMinutes,
    f.runMinutes,
    f.totalCount,
    f.goodCount,
    pct(f.availability),
    pct(f.performance),
    pct(f.quality),
    pct(f.oee),
    l.breakdowns,
    l.setupAdjustments,
    l.smallStops,
    l.reducedSpeed,
    l.startupRejects,
    l.productionRejects,
    l.unaccounted,
  ];
}

/** One table of the OEE report: its sheet name, columns and rows (the workbook's and the PDF's). */
export interface OeeTable {
  sheet: string;
  columns: string[];
  rows: Cell[][];
}

/** The OEE report as the screen shows it: trend per period, machines, Pareto and the stops, in `lang`. */
export function oeeTables(report: OeeReport, lang: Lang): OeeTable[] {
  const t = T[lang];
  const state = (s: MachineStateName) => t.state[s];
  return [
    {
      sheet: t.periods,
      columns: [...t.period, ...t.figures, ...t.losses],
      rows: report.periods.map((p) => [
        clusterTime(p.start),
        clusterTime(p.end),
        p.shift ? t.shift[p.shift] : "",
        ...figureCells(p),
      ]),
    },
    {
      sheet: t.machines,
      columns: [...t.machine, ...t.figures, ...t.losses],
      rows: report.machines.map((m) => [m.name, m.processType, m.idealCycleSeconds, ...figureCells(m)]),
    },
    {
      sheet: t.pareto,
      columns: t.paretoCols.slice(),
      rows: report.pareto.map((p) => [state(p.state), p.reason, p.minutes, p.events, p.cumulative]),
    },
    {
      sheet: t.downtime,
      columns: t.downtimeCols.slice(),
      rows: report.downtime.map((d) => [
        d.machineName,
        state(d.state),
        d.reason,
        clusterTime(d.start),
        d.end === null ? t.open : clusterTime(d.end),
        d.minutes,
        t.source[d.source],
        d.note,
      ]),
    },
  ];
}

export async function oeeWorkbook(report: OeeReport, lang: Lang, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.created = now;
  for (const table of oeeTables(report, lang)) addSheet(workbook, table.sheet, table.columns, table.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same report as a printable document (PDF via the `document` job): the four tables, the OEE
 * trend and the downtime Pareto as charts, in ONE language.
 */
export function oeeReportDocument(report: OeeReport, lang: Lang, now: Date): ReportDocument {
  const zh = lang === "zh";
  const [periods, machines, pareto, downtime] = oeeTables(report, lang);
  const f = report.total;
  const p = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  const summary = zh
    ? `${report.lineName}，${clusterTime(report.from)} – ${clusterTime(report.to)}（上海时间）：OEE ${p(f.oee)} = 可用率 ${p(f.availability)} × 性能率 ${p(f.performance)} × 良品率 ${p(f.quality)}；计划 ${f.plannedMinutes} 分钟，运行 ${f.runMinutes} 分钟。`
    : `${report.lineName}, ${clusterTime(report.from)} – ${clusterTime(report.to)} (Shanghai time): OEE ${p(f.oee)} = availability ${p(f.availability)} × performance ${p(f.performance)} × quality ${p(f.quality)}; ${f.plannedMinutes} min planned, ${f.runMinutes} min run.`;
  return {
    lang: zh ? "zh-CN" : "en",
    title: zh ? `OEE 报告：${report.lineName}` : `OEE report: ${report.lineName}`,
    subtitle: zh
      ? `产业集群大脑 · 生成于 ${clusterTime(now.toISOString())}`
      : `Cluster Brain · generated ${clusterTime(now.toISOString())}`,
    fileStem: `oee-${report.lineId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 60)}`,
    sections: [
      {
        heading: periods.sheet,
        paragraphs: [summary],
        chart: {
          type: "line",
          x: report.periods.map((r) => clusterTime(r.start).slice(5)),
          series: [
            { name: "OEE", data: report.periods.map((r) => r.oee) },
            { name: T[lang].figures[4], data: report.periods.map((r) => r.availability) },
            { name: T[lang].figures[5], data: report.periods.map((r) => r.performance) },
            { name: T[lang].figures[6], data: report.periods.map((r) => r.quality) },
          ],
          lines: [],
          marks: [],
          yName: "",
        },
        table: periods,
      },
      { heading: machines.sheet, paragraphs: [], chart: null, table: machines },
      {
        heading: pareto.sheet,
        paragraphs: [],
        chart:
          report.pareto.length === 0
            ? null
            : {
                type: "bar",
                x: report.pareto.map((r) => `${T[lang].state[r.state]} ${r.reason}`.trim()),
                series: [{ name: T[lang].paretoCols[2], data: report.pareto.map((r) => r.minutes) }],
                lines: [],
                marks: [],
                yName: "",
              },
        table: pareto,
      },
      { heading: downtime.sheet, paragraphs: [], chart: null, table: downtime },
    ],
  };
}
