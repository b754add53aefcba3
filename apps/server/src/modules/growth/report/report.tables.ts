import type { ReportJobInput } from "@clusterbrain/contracts";

/** A cell: text, a figure, or null where the figure is withheld (k ≥ 3) or undefined. */
export type ReportCell = string | number | null;

/** One table of the report; the PDF and the workbook both print exactly these rows. */
export interface ReportTable {
  key: string;
  titleZh: string;
  titleEn: string;
  /** One sentence on what the figure means. */
  noteZh: string;
  headers: string[];
  rows: ReportCell[][];
}

/** Rows per firm table: a report is a summary, the dashboard has the full lists. */
export const FIRM_ROWS = 30;

const sup = (n: { value: number | null; suppressed: boolean }): number | null =>
  n.suppressed ? null : n.value;

/** The report's figures, in print order, taken as they are from the dashboard routes' answers. */
export function reportTables(input: ReportJobInput): ReportTable[] {
  const { micro, meso, macro } = input;
  return [
    {
      key: "summary",
      titleZh: "概览",
      titleEn: "Overview",
      noteZh: "参与统计的企业数与全体企业的平均效率（少于3家企业时不显示）。",
      headers: ["指标 Indicator", "数值 Value"],
      rows: [
        ["参与企业 Contributors", micro.contributors],
        ["平均CCR效率 Mean CCR", sup(micro.dea.meanCcr)],
        ["有效企业占比 Efficient share", sup(micro.dea.efficientShare)],
        ["网络密度 Network density", meso.network.density],
        ["莫兰指数 Moran's I", macro.moran.I],
      ],
    },
    {
      key: "dea",
      titleZh: "企业效率（DEA）",
      titleEn: "Firm efficiency (DEA)",
      noteZh: "效率为1的企业位于前沿；低于1表示可按同行标杆节约投入。",
      headers: ["企业 Firm", "CCR", "BCC", "SBM", "规模 Scale"],
      rows: micro.dea.units.slice(0, FIRM_ROWS).map((u) => [u.label, u.ccr, u.bcc, u.sbm, u.scale]),
    },
    {
      key: "malmquist",
      titleZh: "全要素生产率变化（Malmquist）",
      titleEn: "Productivity change (Malmquist)",
      noteZh: "M>1表示生产率提高，分解为效率变化EC与技术变化TC。",
      headers: ["期间 Period", "M", "EC", "TC"],
      rows: micro.malmquist.periods.map((p) => [`${p.from}–${p.to}`, sup(p.M), sup(p.EC), sup(p.TC)]),
    },
    {
      key: "topsis",
      titleZh: "竞争力排名（熵权TOPSIS）",
      titleEn: "Competitiveness ranking (entropy-TOPSIS)",
      noteZh: "贴近度越接近1，企业综合竞争力越强。",
      headers: ["排名 Rank", "企业 Firm", "贴近度 Closeness"],
      rows: micro.topsis.units.slice(0, FIRM_ROWS).map((u) => [u.rank, u.label, u.closeness]),
    },
    {
      key: "coupling",
      titleZh: "产业链耦合协调度",
      titleEn: "Chain coupling coordination",
      noteZh: "协调度D越高，产业链各环节发展越协调。",
      headers: ["年份 Year", "C", "T", "D", "等级 Level"],
      rows: meso.coupling.years.map((y) => [y.year, y.C, y.T, y.D, y.levelZh]),
    },
    {
      key: "lq",
      titleZh: "区位商",
      titleEn: "Location quotients",
      noteZh: "区位商大于1表示该产业在该区县相对集聚。",
      headers: ["区县 District", "产业 Industry", "LQ"],
      rows: macro.lq.cells.map((c) => [c.district, c.industry, sup(c.lq)]),
    },
    {
      key: "lisa",
      titleZh: "局部空间自相关（LISA）",
      titleEn: "Local spatial autocorrelation (LISA)",
      noteZh: "高-高表示创新强的区县彼此相邻（集聚），高-低、低-高为空间异常；地图为示意图。",
      headers: ["区县 District", "每百人专利 Patents/100", "Ii", "p", "类型 Cluster"],
      rows: macro.lisa.units.map((u) => [u.district, sup(u.value), u.Ii, u.p, u.cluster]),
    },
    {
      key: "spillover",
      titleZh: "区域创新溢出",
      titleEn: "Regional innovation spillover",
      noteZh: "莫兰指数为正且显著时，创新在相邻区县之间相互带动。",
      headers: ["年份 Year", "Moran's I", "p", "每百人专利 Patents/100", "研发强度 R&D"],
      rows: macro.spillover.years.map((y) => [
        y.year,
        y.moranI,
        y.p,
        sup(y.patentsPer100),
        sup(y.rdIntensity),
      ]),
    },
  ];
}

/** How the PDF prints a figure (the test reads the same format back). */
export function formatCell(cell: ReportCell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : cell.toFixed(4);
  return cell;
}
