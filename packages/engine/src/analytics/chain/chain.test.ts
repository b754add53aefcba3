import { describe, expect, it } from "vitest";
import { AnalyticsError } from "../errors.ts";
import { couplingCoordination } from "./coupling.ts";
import { inputOutput } from "./input-output.ts";
import { supplyNetwork } from "./network.ts";

describe("coupling-coordination degree", () => {
  it("equal subsystem scores couple perfectly (C = 1) and D = √T", () => {
    const r = couplingCoordination([0.64, 0.64, 0.64]);
    expect(r.C).toBeCloseTo(1, 12);
    expect(r.D).toBeCloseTo(0.8, 12);
    expect(r.level.zh).toBe("良好协调");
  });
  it("two subsystems: C = 2√(U1U2)/(U1+U2)", () => {
    const r = couplingCoordination([0.2, 0.8]);
    expect(r.C).toBeCloseTo((2 * Math.sqrt(0.16)) / 1.0, 12);
    expect(r.T).toBeCloseTo(0.5, 12);
    expect(r.level.grade).toBe(Math.floor(r.D * 10 + 1e-9) + 1);
  });
  it("a zero subsystem gives C = 0 and out-of-range scores are rejected", () => {
    expect(couplingCoordination([0, 0.5]).D).toBe(0);
    expect(() => couplingCoordination([1.2, 0.5])).toThrow(AnalyticsError);
  });
});

describe("supplier→customer network", () => {
  const links = [
    { supplier: "chip", customer: "module" },
    { supplier: "pcb", customer: "module" },
    { supplier: "module", customer: "device" },
    { supplier: "module", customer: "meter" },
    { supplier: "resin", customer: "pcb" },
  ];
  const r = supplyNetwork(links);
  const node = (id: string) => r.nodes.find((x) => x.id === id)!;

  it("degrees, density and betweenness of a hub", () => {
    expect(node("module").inDegree).toBe(2);
    expect(node("module").outDegree).toBe(2);
    expect(r.density).toBeCloseTo(5 / (6 * 5), 12);
    // module lies on chip→device, chip→meter, pcb→device, pcb→meter, resin→device, resin→meter.
    expect(node("module").betweenness).toBeCloseTo(6 / 20, 12);
    expect(node("chip").betweenness).toBe(0);
  });

  it("Burt's constraint: a broker between unconnected contacts is less constrained than a pendant", () => {
    expect(node("module").constraint).toBeCloseTo(4 * (1 / 4) ** 2, 12);
    expect(node("chip").constraint).toBeCloseTo(1, 12);
    expect(node("module").effectiveSize).toBeCloseTo(4, 12);
  });

  it("communities are deterministic for a seed", () => {
    const again = supplyNetwork(links);
    expect(again.nodes.map((x) => x.community)).toEqual(r.nodes.map((x) => x.community));
    expect(r.communities).toBeGreaterThanOrEqual(1);
  });
});

describe("input–output errors", () => {
  it("a singular I − A and negative flows get typed errors", () => {
    expect(() => inputOutput({ sectors: ["a"], flows: [[10]], output: [10] })).toThrowError(/singular/);
    expect(() => inputOutput({ sectors: ["a"], flows: [[-1]], output: [10] })).toThrow(AnalyticsError);
  });
});
