import { describe, expect, it } from "vitest";
import { rankEntries } from "./talent.ranking.ts";

describe("rankEntries", () => {
  it("ranks by score descending, ties share a rank and the next skips, unscored last without rank", () => {
    const out = rankEntries([
      { id: "a", score: 80 },
      { id: "b", score: null },
      { id: "c", score: 95 },
      { id: "d", score: 80 },
      { id: "e", score: 70 },
    ]);
    expect(out.map((e) => [e.id, e.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["b", null],
    ]);
  });
});
