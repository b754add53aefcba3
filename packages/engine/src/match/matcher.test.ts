import { describe, expect, it } from "vitest";
import { collaborationValue, distanceKm, industryValue } from "./features.ts";
import { type Candidate, rankMatches } from "./matcher.ts";

const caps: Candidate[] = [
  {
    id: "univ-inductor",
    text: "High-frequency low-loss power inductors and MnZn ferrite magnetic cores, winding process",
  },
  { id: "univ-ecg", text: "Low-power ECG signal processing for wearable patient monitors" },
  {
    id: "lab-emc",
    text: "电磁兼容(EMC)检测与整改，IEC 60601 医用电气安全测试",
    certifications: ["CNAS", "CMA"],
  },
  { id: "inst-smt", text: "SMT 贴片工艺优化与回流焊焊点可靠性研究" },
];

describe("rankMatches", () => {
  it("ranks a Chinese demand against an English capability through synonyms, with the terms as reasons", () => {
    const [top] = rankMatches({ id: "d1", text: "寻求高频低损耗功率电感与磁芯研发合作" }, caps);
    expect(top.id).toBe("univ-inductor");
    const concepts = top.matchedTerms.map((t) => t.concept);
    expect(concepts).toContain("inductor");
    expect(concepts).toContain("magnetic-core");
    const inductor = top.matchedTerms.find((t) => t.concept === "inductor");
    expect(inductor?.viaSynonym).toBe(true);
    expect(inductor?.query).toContain("功率电感");
    expect(top.reasons.find((r) => r.feature === "keywords")?.value).toBeGreaterThan(0);
  });

  it("finds the Chinese capability for an English demand", () => {
    const res = rankMatches(
      { id: "d2", text: "EMC testing and electrical safety for a medical monitor" },
      caps,
    );
    expect(res[0].id).toBe("lab-emc");
  });

  it("leaves out candidates that share nothing", () => {
    const res = rankMatches({ id: "d3", text: "锂电池储能" }, caps);
    expect(res).toEqual([]);
  });

  it("scores lie in 0..1 and reason contributions add up to the score", () => {
    const res = rankMatches(
      {
        id: "d4",
        text: "EMC 检测",
        certifications: ["CNAS"],
        location: { lat: 30.75, lon: 120.75 },
        industryCodes: ["C3981"],
      },
      caps.map((c) => ({ ...c, location: { lat: 30.76, lon: 120.76 }, industryCodes: ["C3989"] })),
    );
    expect(res.length).toBeGreaterThan(0);
    for (const r of res) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      const sum = r.reasons.reduce((s, x) => s + x.contribution, 0);
      expect(sum).toBeCloseTo(r.score, 10);
      const weights = r.reasons.reduce((s, x) => s + x.weight, 0);
      expect(weights).toBeCloseTo(1, 10);
    }
    const emc = res.find((r) => r.id === "lab-emc");
    expect(emc?.reasons.find((r) => r.feature === "certifications")?.evidence).toEqual(["CNAS"]);
    expect(emc?.reasons.find((r) => r.feature === "industry")?.value).toBe(0.6);
  });

  it("structured features break a text tie: past collaboration and a required certificate count", () => {
    const twins: Candidate[] = [
      { id: "a", text: "ferrite core sintering" },
      { id: "b", text: "ferrite core sintering", collaborations: 2 },
    ];
    expect(rankMatches({ id: "q", text: "铁氧体烧结" }, twins).map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("a chain node match alone is enough to be listed", () => {
    const res = rankMatches({ id: "q", text: "完全不同的文字", chainNodes: ["N1"] }, [
      { id: "x", text: "unrelated words", chainNodes: ["N1"] },
      { id: "y", text: "unrelated words", chainNodes: ["N2"] },
    ]);
    expect(res.map((r) => r.id)).toEqual(["x"]);
    expect(res[0].reasons.find((r) => r.feature === "chainNode")?.evidence).toEqual(["N1"]);
  });

  it("respects the limit and orders ties by id", () => {
    const same = ["c", "a", "b"].map((id) => ({ id, text: "inductor" }));
    expect(rankMatches({ id: "q", text: "电感" }, same, 2).map((r) => r.id)).toEqual(["a", "b"]);
  });
});

describe("features", () => {
  it("industry codes: class 1, group 0.6, division 0.3", () => {
    expect(industryValue(["C3981"], ["C3981"]).value).toBe(1);
    expect(industryValue(["C3981"], ["C3982"]).value).toBe(0.6);
    expect(industryValue(["C3981"], ["C3912"]).value).toBe(0.3);
    expect(industryValue(["C3981"], ["C2770"]).value).toBe(0);
  });

  it("distance Jiaxing–Shanghai is about 85 km", () => {
    const km = distanceKm({ lat: 30.7522, lon: 120.7555 }, { lat: 31.2304, lon: 121.4737 });
    expect(km).toBeGreaterThan(80);
    expect(km).toBeLessThan(95);
  });

  it("collaboration saturates", () => {
    expect(collaborationValue(0)).toBe(0);
    expect(collaborationValue(1)).toBe(0.5);
    expect(collaborationValue(Number.NaN)).toBe(0);
  });
});
