import { describe, expect, it } from "vitest";
import { type MaterialSide, rankMaterialMatches } from "./materials.match.ts";

const need: MaterialSide = {
  id: "need",
  kind: "need",
  category: "copper-wire",
  spec: "enamelled copper wire 0.25 mm",
  quantity: 100,
  unit: "kg",
  byDate: "2027-01-15",
  location: { lat: 30.75, lon: 120.78 },
};
const offer = (id: string, over: Partial<MaterialSide>): MaterialSide => ({
  ...need,
  id,
  kind: "offer",
  byDate: "2027-01-01",
  ...over,
});

describe("rankMaterialMatches", () => {
  it("keeps only the other kind in the same category, and ranks coverage, date and spec", () => {
    const ranked = rankMaterialMatches(need, [
      offer("full", { quantity: 200 }),
      offer("half", { quantity: 50 }),
      offer("late", { quantity: 200, byDate: "2027-01-30" }),
      offer("other-unit", { quantity: 200, unit: "m" }),
      offer("pcb", { category: "pcb" }),
      { ...need, id: "another-need" },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["full", "late", "half", "other-unit"]);
    const reason = (id: string, f: string) =>
      ranked.find((r) => r.id === id)?.reasons.find((x) => x.feature === f)?.value;
    expect(reason("half", "quantity")).toBe(0.5);
    expect(reason("other-unit", "quantity")).toBe(0);
    expect(reason("late", "date")).toBe(0.5);
    expect(reason("full", "distance")).toBe(1);
    const shares = ranked[0].reasons.reduce((s, r) => s + r.contribution, 0);
    expect(shares).toBeCloseTo(1, 2);
  });

  it("a closer spec outranks an unrelated one, and the matched words are the evidence", () => {
    const ranked = rankMaterialMatches(need, [
      offer("close", { spec: "Enamelled copper wire, 0.25 mm, grade 2" }),
      offer("far", { spec: "tinned busbar strip" }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["close", "far"]);
    const spec = ranked[0].reasons.find((r) => r.feature === "spec");
    expect(spec?.value).toBeGreaterThan(0.5);
    expect(spec?.evidence.length).toBeGreaterThan(0);
    expect(ranked[1].reasons.find((r) => r.feature === "spec")?.value).toBe(0);
  });
});
