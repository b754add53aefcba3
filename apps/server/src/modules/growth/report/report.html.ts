import type { ReportJobInput } from "@clusterbrain/contracts";
import { notoSansScCss } from "../../../reports/noto-sans-sc.fonts.ts";
import { reportCharts } from "./report.charts.ts";
import { formatCell, type ReportTable } from "./report.tables.ts";

const esc = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function reportTitle(input: ReportJobInput): { zh: string; en: string } {
  const year = input.year === null ? "" : `${input.year}年 `;
  return input.scope === "cluster"
    ? {
        zh: `${input.orgNameZh} ${year}集群年度报告`,
        en: `${input.orgNameEn} cluster report ${input.year ?? ""}`,
      }
    : {
        zh: `${input.orgNameZh} ${year}企业发展报告`,
        en: `${input.orgNameEn} firm report ${input.year ?? ""}`,
      };
}

function table(t: ReportTable, chart: string | undefined): string {
  const head = t.headers.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = t.rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(formatCell(c))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<section><h2>${esc(t.titleZh)} <small>${esc(t.titleEn)}</small></h2>
<p class="note">${esc(t.noteZh)}</p>${chart ? `<div class="chart" data-chart="${esc(t.key)}">${chart}</div>` : ""}
<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

/** The whole report as one self-contained HTML page (fonts inlined, charts as inline SVG). */
export function reportHtml(input: ReportJobInput, tables: ReportTable[]): string {
  const title = reportTitle(input);
  const charts = reportCharts(input);
  const main = `<h1>${esc(title.zh)}</h1><p class="sub">${esc(title.en)} · k ≥ ${input.micro.k}：少于${input.micro.k}家企业的汇总数不显示（—）</p>
${tables.map((t) => table(t, charts[t.key])).join("\n")}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title.zh)}</title>
<style>${notoSansScCss(main)}
body{font-family:'Noto Sans SC',sans-serif;font-size:11px;color:#222;margin:0}
h1{font-size:20px;font-weight:400;margin:0 0 4px} h2{font-size:14px;font-weight:400;margin:16px 0 4px;border-bottom:1px solid #1677ff}
small{color:#666} .sub,.note{color:#555;margin:2px 0 6px}
table{border-collapse:collapse;width:100%} th,td{border:1px solid #ccc;padding:2px 6px;text-align:left}
th{background:#f0f5ff;font-weight:400} section{break-inside:auto} svg{display:block;margin:4px 0}
</style></head><body>${main}</body></html>`;
}
