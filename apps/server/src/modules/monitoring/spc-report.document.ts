import type { ReportDocument, SpcChart, SpcReportRequest } from "@clusterbrain/contracts";

type Lang = SpcReportRequest["lang"];

/** Western Electric rules 1–4 as a plant engineer reads them. */
const RULES: Record<Lang, Record<number, string>> = {
  zh: {
    1: "规则1：1点超出3σ",
    2: "规则2：连续3点中2点超出2σ（同侧）",
    3: "规则3：连续5点中4点超出1σ（同侧）",
    4: "规则4：连续8点在中心线同侧",
  },
  en: {
    1: "Rule 1: one point beyond 3σ",
    2: "Rule 2: 2 of 3 beyond 2σ (same side)",
    3: "Rule 3: 4 of 5 beyond 1σ (same side)",
    4: "Rule 4: 8 in a row on one side",
  },
};

/** Shanghai wall-clock time, as the screens show it. */
function local(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace("T", " ");
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(1) : x.toPrecision(4));

/**
 * The SPC chart the tab shows, as a report in ONE language: summary, the chart with its limits and
 * violations marked, the violations, and every reading of the range (so the file equals the screen).
 */
export function spcReportDocument(chart: SpcChart, req: SpcReportRequest, generatedAt: Date): ReportDocument {
  const zh = req.lang === "zh";
  const rule = (r: number) => RULES[req.lang][r] ?? String(r);
  const unit = chart.unit ? ` ${chart.unit}` : "";
  const first = chart.points[0]?.ts;
  const last = chart.points.at(-1)?.ts;
  const range = first && last ? `${local(first)} – ${local(last)}` : zh ? "无读数" : "no readings";
  const summary: string[] = [
    zh
      ? `位号 ${chart.tagKey}${unit}，最近 ${req.hours} 小时（${range}，上海时间），共 ${chart.points.length} 个读数。`
      : `Tag ${chart.tagKey}${unit}, last ${req.hours} h (${range}, Shanghai time), ${chart.points.length} readings.`,
  ];
  if (chart.limits) {
    const l = chart.limits;
    summary.push(
      zh
        ? `控制限取自前 ${chart.baselinePoints} 个读数：中心线 ${fmt(l.center)}，UCL ${fmt(l.ucl)}，LCL ${fmt(l.lcl)}，σ ${fmt(l.sigma)}。${chart.violations.length} 个点违反西电规则。`
        : `Limits from the first ${chart.baselinePoints} readings: centre ${fmt(l.center)}, UCL ${fmt(l.ucl)}, LCL ${fmt(l.lcl)}, σ ${fmt(l.sigma)}. ${chart.violations.length} points break a Western Electric rule.`,
    );
  } else {
    summary.push(zh ? "读数不足 16 个，无法计算控制限。" : "Fewer than 16 readings: no control limits.");
  }
  const cap = chart.capability;
  if (cap) {
    const pct = Math.round(cap.confidence * 100);
    const ci = (i: { estimate: number; lower: number; upper: number }) =>
      `${i.estimate.toFixed(2)} [${i.lower.toFixed(2)}, ${i.upper.toFixed(2)}]`;
    summary.push(
      zh
        ? `过程能力（${pct}% 置信区间）：${cap.cp ? `Cp ${ci(cap.cp)}，` : ""}Cpk ${ci(cap.cpk)}，n = ${cap.n}。${cap.quotable ? "" : "数据未通过正态性检验，指数不代表真实不良率。"}`
        : `Capability (${pct} % intervals): ${cap.cp ? `Cp ${ci(cap.cp)}, ` : ""}Cpk ${ci(cap.cpk)}, n = ${cap.n}.${cap.quotable ? "" : " The data fail the normality check: the indices describe no real fraction defective."}`,
    );
  }
  const byIndex = new Map<number, number[]>();
  for (const v of chart.violations) byIndex.set(v.index, [...(byIndex.get(v.index) ?? []), v.rule]);
  const lines: { name: string; value: number }[] = [];
  if (chart.limits) {
    lines.push({ name: "UCL", value: chart.limits.ucl }, { name: "CL", value: chart.limits.center });
    lines.push({ name: "LCL", value: chart.limits.lcl });
  }
  if (chart.usl !== null) lines.push({ name: "USL", value: chart.usl });
  if (chart.lsl !== null) lines.push({ name: "LSL", value: chart.lsl });
  const time = zh ? "时间" : "Time";
  const value = zh ? `读数${unit}` : `Reading${unit}`;
  return {
    lang: zh ? "zh-CN" : "en",
    title: zh ? `SPC 报告：${chart.tagKey}` : `SPC report: ${chart.tagKey}`,
    subtitle: zh
      ? `产业集群大脑 · 生成于 ${local(generatedAt.toISOString())}`
      : `Cluster Brain · generated ${local(generatedAt.toISOString())}`,
    fileStem: `spc-${chart.tagKey.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 60) || "tag"}`,
    sections: [
      {
        heading: zh ? "概要" : "Summary",
        paragraphs: summary,
        chart: {
          type: "line",
          x: chart.points.map((p) => local(p.ts).slice(5)),
          series: [{ name: chart.tagKey, data: chart.points.map((p) => p.value) }],
          lines,
          marks: [...byIndex.keys()],
          yName: chart.unit,
        },
        table: null,
      },
      {
        heading: zh ? "规则违反" : "Rule violations",
        paragraphs: chart.violations.length === 0 ? [zh ? "本时段无违反。" : "None in this range."] : [],
        chart: null,
        table: {
          sheet: zh ? "规则违反" : "Violations",
          columns: [time, value, zh ? "规则" : "Rule"],
          rows: chart.violations.map((v) => [
            local(chart.points[v.index]?.ts ?? ""),
            chart.points[v.index]?.value ?? null,
            rule(v.rule),
          ]),
        },
      },
      {
        heading: zh ? "读数" : "Readings",
        paragraphs: [],
        chart: null,
        table: {
          sheet: zh ? "读数" : "Readings",
          columns: [time, value, zh ? "违反规则" : "Rules broken"],
          rows: chart.points.map((p, i) => [
            local(p.ts),
            p.value,
            (byIndex.get(i) ?? []).map((r) => rule(r)).join("；") || null,
          ]),
        },
      },
    ],
  };
}
