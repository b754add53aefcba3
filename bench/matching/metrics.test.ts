import { describe, expect, it } from "vitest";
import { plainWords, rankByOverlap } from "./keyword-overlap.ts";
import { idealPrecisionAt, mean, precisionAt, recallAt, reciprocalRank } from "./metrics.ts";

const rel = new Set(["a", "b"]);

describe("ranking metrics", () => {
  it("precision, recall and reciprocal rank on a known ranking", () => {
    const ranked = ["x", "a", "y", "b", "z", "w"];
    expect(precisionAt(5, ranked, rel)).toBe(0.4);
    expect(recallAt(5, ranked, rel)).toBe(1);
    expect(reciprocalRank(ranked, rel)).toBe(0.5);
    expect(precisionAt(5, ["a"], rel)).toBe(0.2);
    expect(reciprocalRank(["x"], rel)).toBe(0);
    expect(idealPrecisionAt(5, 2)).toBe(0.4);
    expect(mean([1, 0])).toBe(0.5);
  });
});

describe("keyword-overlap baseline", () => {
  it("counts shared words without synonyms", () => {
    expect(plainWords("MnZn ferrite, 磁芯").has("ferrite")).toBe(true);
    const r = rankByOverlap("ferrite core loss", [
      { id: "a", text: "ferrite core" },
      { id: "b", text: "core" },
      { id: "c", text: "铁氧体" },
    ]);
    expect(r.map((x) => x.id)).toEqual(["a", "b"]);
  });
});
