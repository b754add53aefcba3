import {
  formatServerMessage,
  type ImportEntity,
  type ImportIssue,
  importColumnText,
  usccCheckChar,
} from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { COLUMNS, codeLabel, KIND_NAMES, SIZE_NAMES, VOLUME_NAMES } from "./import.columns.ts";
import { addSheet, type Cell } from "./sheet.writer.ts";

type Lang = "zh" | "en";

export interface ChainNodeListItem {
  code: string;
  nameZh: string;
  nameEn: string;
  stage: number;
}

const T = {
  zh: {
    template: "模板",
    nodes: "产业链环节代码",
    notes: "填写说明",
    nodeHeaders: ["代码", "中文名称", "英文名称", "环节"],
    noteHeaders: ["列", "必填", "说明"],
    yes: "是",
    no: "否",
    stages: ["材料", "元器件", "板卡与模块", "医疗设备", "医院"],
    report: "错误报告",
    reportHeaders: ["行", "列", "级别", "问题"],
    error: "错误",
    warning: "提醒",
  },
  en: {
    template: "Template",
    nodes: "Chain node codes",
    notes: "Notes",
    nodeHeaders: ["Code", "Chinese name", "English name", "Stage"],
    noteHeaders: ["Column", "Required", "Notes"],
    yes: "yes",
    no: "no",
    stages: ["Materials", "Components", "Boards and modules", "Medical devices", "Hospitals"],
    report: "Error report",
    reportHeaders: ["Row", "Column", "Severity", "Problem"],
    error: "error",
    warning: "warning",
  },
} as const;

const withCheck = (body17: string) => body17 + usccCheckChar(body17);

/** Two example rows per entity, valid as written (the USCCs carry their real check characters). */
function exampleRows(entity: ImportEntity, lang: Lang, nodes: ChainNodeListItem[]): Cell[][] {
  const node = (i: number) => {
    const n = nodes[Math.min(i, nodes.length - 1)];
    return n === undefined ? "" : n.code;
  };
  if (entity === "orgs") {
    const row = (body: string, zh: string, en: string, size: "small" | "medium", node1: string): Cell[] => [
      withCheck(body),
      codeLabel(KIND_NAMES, "enterprise", lang),
      zh,
      en,
      lang === "en" ? "Nanhu District" : "南湖区",
      lang === "en" ? "1 Example Road" : "示例路 1 号",
      "3981",
      codeLabel(SIZE_NAMES, size, lang),
      2015,
      "https://example.com",
      "功率电感|Power inductor",
      node1,
    ];
    return [
      row("91330402MA2EXAMP1", "示例电子有限公司", "Example Electronics Co., Ltd.", "small", node(0)),
      row("91330411MA2EXAMP2", "样例磁材有限公司", "Sample Magnetics Co., Ltd.", "medium", node(1)),
    ];
  }
  return [
    [
      withCheck("91330402MA2EXAMP1"),
      withCheck("91330411MA2EXAMP2"),
      "功率电感",
      codeLabel(VOLUME_NAMES, "1m-10m", lang),
      node(0),
      2020,
    ],
    [
      withCheck("91330411MA2EXAMP2"),
      withCheck("91330402MA2EXAMP1"),
      "铁氧体磁芯",
      codeLabel(VOLUME_NAMES, "lt1m", lang),
      node(1),
      2022,
    ],
  ];
}

/** A template: the header row with example rows, the chain-node code list, and notes per column. */
export async function templateWorkbook(
  entity: ImportEntity,
  lang: Lang,
  nodes: ChainNodeListItem[],
  now: Date,
): Promise<Buffer> {
  const t = T[lang];
  const columns = COLUMNS[entity];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.created = now;
  addSheet(
    workbook,
    t.template,
    columns.map((c) => `${importColumnText(c.key, lang).label} (${c.key})`),
    exampleRows(entity, lang, nodes),
  );
  addSheet(
    workbook,
    t.nodes,
    [...t.nodeHeaders],
    nodes.map((n) => [n.code, n.nameZh, n.nameEn, t.stages[n.stage - 1] ?? String(n.stage)]),
  );
  addSheet(
    workbook,
    t.notes,
    [...t.noteHeaders],
    columns.map((c) => [
      `${importColumnText(c.key, lang).label} (${c.key})`,
      c.required ? t.yes : t.no,
      importColumnText(c.key, lang).note,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row/column error report of one run, in `lang`. */
export async function issueReportWorkbook(issues: ImportIssue[], lang: Lang, now: Date): Promise<Buffer> {
  const t = T[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.created = now;
  addSheet(
    workbook,
    t.report,
    [...t.reportHeaders],
    issues.map((i) => [
      i.row,
      `${importColumnText(i.column, lang).label} (${i.column})`,
      i.severity === "warning" ? t.warning : t.error,
      i.key === undefined ? i.message : formatServerMessage(i.key, i.params ?? {}, lang),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
