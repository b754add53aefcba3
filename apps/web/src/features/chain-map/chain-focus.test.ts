import type { ChainMapResponse } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { adjacentNodes, bandStarts, matchNodes, neighbourCandidates, stageBand } from "./chain-focus.ts";

const node = (id: string, stage: number, parentId: string | null, firmCount: number) => ({
  id,
  code: id,
  nameZh: `节点${id}`,
  nameEn: `Node ${id}`,
  parentId,
  stage,
  sortOrder: 0,
  firmCount,
  weakLink: firmCount <= 1,
});
const flow = { value: null, firms: null, suppressed: true };
const map: ChainMapResponse = {
  k: 3,
  nodes: [
    node("ferrite", 1, "materials", 4),
    node("copper", 1, "materials", 0),
    node("alloy", 1, "materials", 2),
    node("inductor", 2, null, 1),
    node("monitor", 3, null, 5),
    node("ribbon", 1, null, 1),
    node("powder", 1, null, 3),
  ],
  edges: [
    { fromNodeId: "ferrite", toNodeId: "inductor", relations: flow },
    { fromNodeId: "inductor", toNodeId: "monitor", relations: flow },
    { fromNodeId: "ribbon", toNodeId: "inductor", relations: flow },
    { fromNodeId: "powder", toNodeId: "inductor", relations: flow },
  ],
};

describe("chain map focus", () => {
  it("splits stages into upstream, midstream and downstream, heading each band once", () => {
    const stages = [1, 2, 3, 4, 5];
    expect(stages.map((s) => stageBand(s, stages))).toEqual([
      "upstream",
      "upstream",
      "midstream",
      "midstream",
      "downstream",
    ]);
    expect([...bandStarts(stages)]).toEqual([
      [1, "upstream"],
      [3, "midstream"],
      [5, "downstream"],
    ]);
  });

  it("keeps a selected node's neighbours; suggests sibling and feeding nodes with firms for a weak one", () => {
    expect([...adjacentNodes(map, "inductor")].sort()).toEqual([
      "ferrite",
      "inductor",
      "monitor",
      "powder",
      "ribbon",
    ]);
    expect(neighbourCandidates(map, "inductor")).toEqual(["ferrite", "powder", "ribbon"]);
    // A lone ribbon maker: the other makers feeding the same customer node could step in.
    expect(neighbourCandidates(map, "ribbon")).toEqual(["ferrite", "powder"]);
    // Siblings under the same parent, biggest first; an empty sibling offers nobody.
    expect(neighbourCandidates(map, "copper")).toEqual(["ferrite", "alloy"]);
  });

  it("finds nodes by either name or code", () => {
    expect(matchNodes(map, "node ind")).toEqual(["inductor"]);
    expect(matchNodes(map, "节点m")).toEqual(["monitor"]);
    expect(matchNodes(map, "  ")).toEqual([]);
  });
});
