import { describe, expect, it } from "vitest";
import { splitKeywords } from "./innovation.api.ts";

describe("splitKeywords", () => {
  it("splits on Chinese and English separators and drops repeats", () => {
    expect(splitKeywords("电感，磁芯、 ferrite, 电感")).toEqual(["电感", "磁芯", "ferrite"]);
    expect(splitKeywords(undefined)).toEqual([]);
  });
});
