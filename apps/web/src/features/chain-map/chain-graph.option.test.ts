import type { ChainMapNode, ChainMapResponse } from "@clusterbrain/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chainChartHeight,
  chainGraphOption,
  layoutChain,
  nodeSymbolSize,
  WEAK_COLOR,
} from "./chain-graph.option.ts";

function node(id: string, stage: number, firmCount: number, weakLink = false): ChainMapNode {
  return {
    id,
    code: id,
    nameZh: `节点${id}`,
    nameEn: `Node ${id}`,
    parentId: null,
    stage,
    sortOrder: 0,
    firmCount,
    weakLink,
  };
}

const labels = {
  weakLink: "Weak link",
  normal: "Normal",
  firms: (n: number) => `Firms: ${n}`,
  relations: (n: number | null) => `Relations: ${n ?? "suppressed"}`,
};

interface GraphSeries {
  data: { id: string; category: number; symbolSize: number; x: number; y: number }[];
  links: { source: string; target: string; lineStyle: { type?: string } }[];
  categories: { name: string; itemStyle: { color: string } }[];
}
const seriesOf = (map: ChainMapResponse) =>
  (chainGraphOption(map, (_zh, en) => en, labels) as { series: GraphSeries[] }).series[0];

describe("nodeSymbolSize", () => {
  it("grows with the firm count and stays within bounds", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 1, max: 500 }), (a, b, max) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(nodeSymbolSize(lo, max)).toBeLessThanOrEqual(nodeSymbolSize(hi, max));
        expect(nodeSymbolSize(hi, max)).toBeGreaterThanOrEqual(14);
        expect(nodeSymbolSize(hi, max)).toBeLessThanOrEqual(46);
      }),
    );
  });
});

describe("layoutChain", () => {
  it("puts later stages further right and never stacks two nodes on one spot", () => {
    const nodes = [node("a", 1, 3), node("b", 1, 5), node("c", 2, 9), node("d", 4, 1), node("e", 4, 2)];
    const pos = layoutChain(nodes);
    expect(pos.get("a")!.x).toBeLessThan(pos.get("c")!.x);
    expect(pos.get("c")!.x).toBeLessThan(pos.get("d")!.x);
    const spots = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(nodes.length);
  });
});

describe("chainChartHeight", () => {
  it("grows with the busiest stage so rows keep their spacing", () => {
    const stage = (s: number, n: number) => Array.from({ length: n }, () => ({ stage: s }));
    const small = chainChartHeight([...stage(1, 3), ...stage(2, 2)]);
    const big = chainChartHeight([...stage(1, 3), ...stage(2, 20)]);
    expect(big).toBeGreaterThan(small);
    expect(big / 20).toBeGreaterThanOrEqual(46);
  });
});

describe("chainGraphOption", () => {
  const map: ChainMapResponse = {
    k: 3,
    nodes: [node("mag", 1, 12), node("ind", 2, 30), node("hosp", 5, 1, true)],
    edges: [
      { fromNodeId: "mag", toNodeId: "ind", relations: { value: 40, firms: 12, suppressed: false } },
      { fromNodeId: "ind", toNodeId: "hosp", relations: { value: null, firms: null, suppressed: true } },
      { fromNodeId: "ghost", toNodeId: "ind", relations: { value: 5, firms: 4, suppressed: false } },
    ],
  };

  it("marks weak links with the weak-link category, coloured red", () => {
    const s = seriesOf(map);
    const weak = s.data
      .filter((d) => s.categories[d.category].itemStyle.color === WEAK_COLOR)
      .map((d) => d.id);
    expect(weak).toEqual(["hosp"]);
  });

  it("sizes the busiest node largest", () => {
    const s = seriesOf(map);
    const biggest = [...s.data].sort((a, b) => b.symbolSize - a.symbolSize)[0];
    expect(biggest.id).toBe("ind");
  });

  it("drops edges to unknown nodes and dashes suppressed flows", () => {
    const s = seriesOf(map);
    expect(s.links.map((l) => `${l.source}>${l.target}`)).toEqual(["mag>ind", "ind>hosp"]);
    expect(s.links[1].lineStyle.type).toBe("dashed");
    expect(s.links[0].lineStyle.type).toBeUndefined();
  });
});
