import type { ReportDocument, ReportDocumentCell } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import { chartSvg } from "./document.charts.ts";
import { notoSansScCss } from "./noto-sans-sc.fonts.ts";

const esc = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function cellText(c: ReportDocumentCell): string {
  if (c === null) return "—";
  if (typeof c === "number") return Number.isInteger(c) ? String(c) : c.toFixed(4).replace(/0+$/, "");
  return c;
}

/** The document as one self-contained HTML page (fonts inlined, charts as inline SVG) to print. */
export function documentHtml(doc: ReportDocument): string {
  const sections = doc.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("");
      const chart = s.chart ? chartSvg(s.chart) : "";
      const table = s.table
        ? `<table><thead><tr>${s.table.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${s.table.rows
            .map((r) => `<tr>${r.map((c) => `<td>${esc(cellText(c))}</td>`).join("")}</tr>`)
            .join("")}</tbody></table>`
        : "";
      return `<section><h2>${esc(s.heading)}</h2>${paragraphs}${chart}${table}</section>`;
    })
    .join("\n");
  const main = `<h1>${esc(doc.title)}</h1>${doc.subtitle ? `<p class="sub">${esc(doc.subtitle)}</p>` : ""}${sections}`;
  return `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>${notoSansScCss(main)}
body{font-family:'Noto Sans SC',sans-serif;font-size:11px;color:#222;margin:0}
h1{font-size:20px;font-weight:400;margin:0 0 4px} h2{font-size:14px;font-weight:400;margin:16px 0 4px;border-bottom:1px solid #1677ff}
.sub{color:#555;margin:2px 0 6px} p{margin:2px 0 4px}
table{border-collapse:collapse;width:100%} th,td{border:1px solid #ccc;padding:2px 6px;text-align:left}
th{background:#f0f5ff;font-weight:400} svg{display:block;margin:4px 0}
</style></head><body>${main}</body></html>`;
}

/** One sheet per section table, figures as numbers (a withheld or missing figure is an empty cell). */
export async function documentWorkbook(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Brain 产业集群大脑";
  workbook.title = doc.title;
  const used = new Set<string>();
  for (const s of doc.sections) {
    if (!s.table) continue;
    let name = s.table.sheet.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet";
    for (let i = 2; used.has(name); i++) name = `${s.table.sheet.slice(0, 28)} ${i}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([s.heading]);
    for (const p of s.paragraphs) sheet.addRow([p]);
    sheet.addRow(s.table.columns).font = { bold: true };
    for (const r of s.table.rows) sheet.addRow(r.map((c) => c ?? undefined));
    sheet.columns.forEach((c) => {
      c.width = 20;
    });
  }
  if (used.size === 0) workbook.addWorksheet("Report").addRow([doc.title]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
