import type { ChainMapNode, ChainMapResponse } from "@clusterbrain/contracts";
import type { EChartsCoreOption } from "echarts/core";
import { adjacentNodes } from "./chain-focus.ts";

export const WEAK_COLOR = "#f5222d";
export const NORMAL_COLOR = "#1677ff";
const MIN_SIZE = 14;
const MAX_SIZE = 46;
// Data-space gaps chosen so the layout's aspect is close to the chart's (tall and narrow); the
// view keeps that aspect, or ECharts would stretch the circles into ellipses.
const COLUMN_GAP = 160;
const ROW_GAP = 56;
/** Pixels per row of the busiest stage, so the biggest symbols never overlap their neighbours. */
const ROW_PIXELS = 48;

export interface ChainGraphLabels {
  weakLink: string;
  normal: string;
  firms: (count: number) => string;
  relations: (count: number | null) => string;
}

/**
 * Symbol diameter by firm count: area grows with the count (sqrt scale), so a node with four
 * times the firms looks four times as big, not sixteen.
 */
export function nodeSymbolSize(firmCount: number, maxFirms: number): number {
  if (maxFirms <= 0 || firmCount <= 0) return MIN_SIZE;
  const share = Math.sqrt(Math.min(firmCount, maxFirms) / maxFirms);
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * share);
}

/** Chart height that gives every node of the busiest stage its own row. */
export function chainChartHeight(nodes: readonly Pick<ChainMapNode, "stage">[]): number {
  const perStage = new Map<number, number>();
  for (const n of nodes) perStage.set(n.stage, (perStage.get(n.stage) ?? 0) + 1);
  return Math.max(480, Math.max(0, ...perStage.values()) * ROW_PIXELS + 80);
}

/** Left-to-right by chain stage (materials → hospitals), stacked by sort order within a stage. */
export function layoutChain(nodes: readonly ChainMapNode[]): Map<string, { x: number; y: number }> {
  const stages = [...new Set(nodes.map((n) => n.stage))].sort((a, b) => a - b);
  const positions = new Map<string, { x: number; y: number }>();
  stages.forEach((stage, column) => {
    const inStage = nodes
      .filter((n) => n.stage === stage)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    const top = -((inStage.length - 1) * ROW_GAP) / 2;
    inStage.forEach((n, row) => {
      positions.set(n.id, { x: column * COLUMN_GAP, y: top + row * ROW_GAP });
    });
  });
  return positions;
}

/** What the map focuses on: the selected node (its neighbours stay, the rest fades) and band headings. */
export interface ChainFocus {
  selectedId: string | null;
  /** Heading text over the first column of each band (upstream / midstream / downstream), by stage. */
  headings: Map<number, string>;
}

/** Id prefix of the label-only nodes that carry the band headings (not chain nodes: clicks ignore them). */
export const HEADING_PREFIX = "heading:";

export function chainGraphOption(
  map: ChainMapResponse,
  pickName: (zh: string, en: string) => string,
  labels: ChainGraphLabels,
  focus: ChainFocus = { selectedId: null, headings: new Map() },
): EChartsCoreOption {
  const maxFirms = Math.max(0, ...map.nodes.map((n) => n.firmCount));
  const positions = layoutChain(map.nodes);
  const keep = focus.selectedId === null ? null : adjacentNodes(map, focus.selectedId);
  const topY = Math.min(0, ...[...positions.values()].map((p) => p.y)) - ROW_GAP;
  const headingNodes = [...focus.headings].map(([stage, text]) => {
    const column = map.nodes.find((n) => n.stage === stage);
    const x = column ? (positions.get(column.id)?.x ?? 0) : 0;
    return {
      id: `${HEADING_PREFIX}${stage}`,
      name: text,
      x,
      y: topY,
      symbolSize: 0,
      silent: true,
      tooltip: "",
      label: {
        show: true,
        position: "inside",
        fontSize: 14,
        fontWeight: "bold",
        color: "#262626",
        backgroundColor: "transparent",
      },
    };
  });
  const known = new Set(map.nodes.map((n) => n.id));
  const maxRelations = Math.max(1, ...map.edges.map((e) => e.relations.value ?? 0));
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { dataType?: string; data?: { tooltip?: string } }) => p.data?.tooltip ?? "",
    },
    legend: { data: [labels.normal, labels.weakLink], top: 0 },
    series: [
      {
        type: "graph",
        layout: "none",
        // Room on the right for the last stage's labels, on top for the legend.
        left: 24,
        right: 120,
        top: 48,
        bottom: 24,
        preserveAspect: true,
        roam: true,
        draggable: true,
        categories: [
          { name: labels.normal, itemStyle: { color: NORMAL_COLOR } },
          { name: labels.weakLink, itemStyle: { color: WEAK_COLOR } },
        ],
        // A light backdrop keeps labels readable where edges cross them.
        label: {
          show: true,
          position: "right",
          fontSize: 11,
          backgroundColor: "rgba(255,255,255,0.85)",
          padding: [1, 3],
          borderRadius: 2,
        },
        lineStyle: { color: "#8c8c8c" },
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 7,
        emphasis: { focus: "adjacency", lineStyle: { width: 4 } },
        data: [
          ...headingNodes,
          ...map.nodes.map((n) => {
            const pos = positions.get(n.id) ?? { x: 0, y: 0 };
            const name = pickName(n.nameZh, n.nameEn);
            const selected = n.id === focus.selectedId;
            const faded = keep !== null && !keep.has(n.id);
            return {
              id: n.id,
              name,
              x: pos.x,
              y: pos.y,
              value: n.firmCount,
              category: n.weakLink ? 1 : 0,
              symbolSize: nodeSymbolSize(n.firmCount, maxFirms),
              itemStyle: {
                ...(n.weakLink ? { borderColor: "#820014", borderWidth: 3 } : {}),
                ...(selected
                  ? { borderColor: "#faad14", borderWidth: 5, shadowBlur: 12, shadowColor: "#faad14" }
                  : {}),
                opacity: faded ? 0.2 : 1,
              },
              label: {
                ...(n.weakLink ? { color: WEAK_COLOR, fontWeight: "bold" } : {}),
                ...(selected
                  ? { fontSize: 13, fontWeight: "bold", borderColor: "#faad14", borderWidth: 1 }
                  : {}),
                opacity: faded ? 0.3 : 1,
              },
              tooltip: `${name}<br/>${labels.firms(n.firmCount)}${n.weakLink ? `<br/>⚠ ${labels.weakLink}` : ""}`,
            };
          }),
        ],
        links: map.edges
          .filter((e) => known.has(e.fromNodeId) && known.has(e.toNodeId))
          .map((e) => ({
            source: e.fromNodeId,
            target: e.toNodeId,
            // Suppressed (k<3) flows are drawn thin and dashed: the link exists, its size is withheld.
            lineStyle: {
              ...(e.relations.suppressed
                ? { type: "dashed", width: 1, opacity: 0.3 }
                : { width: 1 + 5 * ((e.relations.value ?? 0) / maxRelations), opacity: 0.4, curveness: 0.1 }),
              ...(keep !== null && !(keep.has(e.fromNodeId) && keep.has(e.toNodeId))
                ? { opacity: 0.08 }
                : {}),
              ...(focus.selectedId !== null &&
              (e.fromNodeId === focus.selectedId || e.toNodeId === focus.selectedId)
                ? { opacity: 0.9, color: "#faad14" }
                : {}),
            },
            tooltip: labels.relations(e.relations.suppressed ? null : e.relations.value),
          })),
      },
    ],
  };
}
