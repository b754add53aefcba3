import {
  type GrowthMacro,
  type GrowthMeso,
  type GrowthMicro,
  schematicGeoJson,
} from "@clusterbrain/contracts";
import { HeatmapChart, MapChart } from "echarts/charts";
import { VisualMapComponent } from "echarts/components";
import type { EChartsCoreOption } from "echarts/core";
import { echarts } from "../../shared/charts/echarts.setup.ts";

/** Only the growth screens draw maps and heatmaps: registered here, in their own chunk. */
echarts.use([MapChart, HeatmapChart, VisualMapComponent]);
export const LISA_MAP = "jiaxing-schematic";
echarts.registerMap(LISA_MAP, schematicGeoJson() as unknown as Parameters<typeof echarts.registerMap>[1]);

type T = (key: string) => string;
/** A unit's name in the reader's language (a pseudonym reads the same in both). */
type UnitName = (u: { label: string; labelEn: string }) => string;
const zhName: UnitName = (u) => u.label;
const OWN = "#fa541c";
const BASE = "#1677ff";
const TOP_UNITS = 30;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export function deaOption(dea: GrowthMicro["dea"], t: T, name: UnitName = zhName): EChartsCoreOption {
  const units = [...dea.units].sort((a, b) => b.ccr - a.ccr);
  const shown = units.slice(0, TOP_UNITS);
  const own = units.find((u) => u.own);
  if (own && !shown.includes(own)) shown.push(own);
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: shown.map(name), axisLabel: { rotate: 60, fontSize: 10 } },
    yAxis: { type: "value", min: 0 },
    series: [
      {
        name: t("growth.ccr"),
        type: "bar",
        data: shown.map((u) => ({
          value: round(u.ccr),
          orgId: u.orgId,
          itemStyle: { color: u.own ? OWN : BASE },
        })),
      },
      { name: t("growth.bcc"), type: "line", data: shown.map((u) => round(u.bcc)) },
      {
        name: t("growth.super"),
        type: "line",
        data: shown.map((u) => (u.superEfficiency === null ? null : round(u.superEfficiency))),
      },
    ],
  };
}

export function malmquistOption(m: GrowthMicro["malmquist"], t: T): EChartsCoreOption {
  const labels = m.periods.map((p) => `${p.from}→${p.to}`);
  const line = (name: string, pick: (p: GrowthMicro["malmquist"]["periods"][number]) => number | null) => ({
    name,
    type: "line",
    data: m.periods.map((p) => {
      const v = pick(p);
      return v === null ? null : round(v);
    }),
  });
  const ownM =
    m.own.length > 0
      ? [
          {
            name: `${t("growth.own")} M`,
            type: "line",
            lineStyle: { type: "dashed" },
            data: m.own.map((o) => round(o.M)),
          },
        ]
      : [];
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", scale: true },
    series: [
      line(t("growth.M"), (p) => p.M.value),
      line(t("growth.EC"), (p) => p.EC.value),
      line(t("growth.TC"), (p) => p.TC.value),
      ...ownM,
    ],
  };
}

export function topsisOption(
  units: GrowthMicro["topsis"]["units"],
  t: T,
  name: UnitName = zhName,
): EChartsCoreOption {
  const shown = units.slice(0, 20);
  const own = units.find((u) => u.own);
  if (own && !shown.includes(own)) shown.push(own);
  shown.reverse();
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", name: t("growth.closeness") },
    yAxis: { type: "category", data: shown.map((u) => `${u.rank}. ${name(u)}`) },
    series: [
      {
        type: "bar",
        data: shown.map((u) => ({
          value: round(u.closeness),
          orgId: u.orgId,
          itemStyle: { color: u.own ? OWN : BASE },
        })),
      },
    ],
  };
}

export function peersOption(
  groups: GrowthMicro["peerBench"]["groups"],
  label: (g: GrowthMicro["peerBench"]["groups"][number]) => string,
  t: T,
): EChartsCoreOption {
  const shown = groups.filter((g) => !g.meanCloseness.suppressed);
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: shown.map(label), axisLabel: { rotate: 45, fontSize: 10 } },
    yAxis: { type: "value", min: 0, max: 1 },
    series: [
      {
        name: t("growth.groupMean"),
        type: "bar",
        data: shown.map((g) => ({ value: round(g.meanCloseness.value ?? 0), by: g.by, key: g.key })),
      },
      {
        name: t("growth.ownCloseness"),
        type: "line",
        data: shown.map((g) => (g.ownCloseness === null ? null : round(g.ownCloseness))),
      },
    ],
  };
}

export function ioOption(
  segments: GrowthMeso["io"]["segments"],
  label: (s: GrowthMeso["io"]["segments"][number]) => string,
  t: T,
): EChartsCoreOption {
  const shown = segments.filter((s) => s.outputMultiplier !== null);
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: shown.map(label) },
    yAxis: { type: "value" },
    series: [
      {
        name: t("growth.multiplier"),
        type: "bar",
        data: shown.map((s) => ({ value: round(s.outputMultiplier ?? 0), stage: s.stage })),
      },
      { name: t("growth.backward"), type: "line", data: shown.map((s) => round(s.backward ?? 0)) },
      { name: t("growth.forward"), type: "line", data: shown.map((s) => round(s.forward ?? 0)) },
    ],
  };
}

export function networkYearsOption(
  years: GrowthMeso["networkYears"]["years"],
  coupling: GrowthMeso["coupling"]["years"],
  t: T,
): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 64, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [
      { type: "value", name: t("growth.links") },
      { type: "value", min: 0, max: 1 },
      { type: "value", minInterval: 1, offset: 40, position: "right" },
    ],
    series: [
      { name: t("growth.links"), type: "bar", data: years.map((y) => y.links) },
      { name: t("growth.weakNodes"), type: "line", yAxisIndex: 2, data: years.map((y) => y.weakNodes) },
      {
        name: t("growth.couplingD"),
        type: "line",
        yAxisIndex: 1,
        data: coupling.map((c) => (c.D === null ? null : round(c.D))),
      },
    ],
  };
}

export function lqOption(lq: GrowthMacro["lq"], district: (d: string) => string, t: T): EChartsCoreOption {
  const districts = [...new Set(lq.cells.map((c) => c.district))];
  const data = lq.cells
    .filter((c) => !c.lq.suppressed)
    .map((c) => ({
      value: [lq.industries.indexOf(c.industry), districts.indexOf(c.district), round(c.lq.value ?? 0, 2)],
      district: c.district,
    }));
  return {
    animation: false,
    tooltip: { position: "top" },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: "category", data: lq.industries, name: t("growth.industry") },
    yAxis: { type: "category", data: districts.map(district) },
    visualMap: {
      min: 0,
      max: 2,
      calculable: true,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      inRange: { color: ["#e6f4ff", "#1677ff", "#002c8c"] },
    },
    series: [{ name: t("growth.lq"), type: "heatmap", data, label: { show: true } }],
  };
}

export function shiftShareOption(
  rows: GrowthMacro["shiftShare"]["rows"],
  district: (d: string) => string,
  t: T,
): EChartsCoreOption {
  const shown = rows.filter((r) => !r.total.suppressed);
  const part = (name: string, pick: (r: (typeof rows)[number]) => number | null) => ({
    name,
    type: "bar",
    stack: "ss",
    data: shown.map((r) => ({ value: round(pick(r) ?? 0, 1), district: r.district })),
  });
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: shown.map((r) => district(r.district)) },
    yAxis: { type: "value" },
    series: [
      part(t("growth.ssNational"), (r) => r.national.value),
      part(t("growth.ssMix"), (r) => r.mix.value),
      part(t("growth.ssCompetitive"), (r) => r.competitive.value),
    ],
  };
}

export const LISA_COLOURS: Record<string, string> = {
  HH: "#cf1322",
  LL: "#1d39c4",
  HL: "#ff9c6e",
  LH: "#85a5ff",
  "not significant": "#d9d9d9",
  "not available": "#f5f5f5",
};

export function lisaMapOption(
  units: GrowthMacro["lisa"]["units"],
  clusterLabel: (c: string) => string,
  district: (d: string) => string,
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; data?: { cluster: string; shown: string } }) =>
        p.data
          ? `${district(p.name)}<br/>${clusterLabel(p.data.cluster)}<br/>${p.data.shown}`
          : district(p.name),
    },
    series: [
      {
        type: "map",
        map: LISA_MAP,
        roam: false,
        label: { show: true, formatter: (p: { name: string }) => district(p.name), fontSize: 11 },
        data: units.map((u) => ({
          name: u.district,
          district: u.district,
          cluster: u.cluster,
          shown: u.value.value === null ? "—" : String(round(u.value.value, 2)),
          itemStyle: { areaColor: LISA_COLOURS[u.cluster] ?? LISA_COLOURS["not available"] },
        })),
      },
    ],
  };
}

export function spilloverOption(years: GrowthMacro["spillover"]["years"], t: T): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => String(y.year)) },
    yAxis: [
      { type: "value", scale: true },
      { type: "value", scale: true },
    ],
    series: [
      {
        name: "Moran's I",
        type: "line",
        data: years.map((y) => (y.moranI === null ? null : round(y.moranI))),
      },
      {
        name: t("growth.patentsPer100"),
        type: "line",
        yAxisIndex: 1,
        data: years.map((y) => (y.patentsPer100.value === null ? null : round(y.patentsPer100.value, 2))),
      },
    ],
  };
}
