import { describe, expect, it } from "vitest";
import { analyse, rawTokens, segmentChinese, stem } from "./tokenize.ts";

const keys = (text: string): string[] => analyse(text).map((t) => t.key);

describe("segmentChinese", () => {
  it("keeps domain words whole that the general segmenter splits", () => {
    expect(segmentChinese("高端电感磁芯贴片工艺")).toEqual(["高端", "电感", "磁芯", "贴片", "工艺"]);
    expect(segmentChinese("产学研合作")).toEqual(["产学研", "合作"]);
  });

  it("prefers the longest lexicon word", () => {
    expect(segmentChinese("一体成型电感")).toEqual(["一体成型电感"]);
  });

  it("segments unknown spans with the ICU word segmenter", () => {
    const words = segmentChinese("浙江省嘉兴市");
    expect(words.join("")).toBe("浙江省嘉兴市");
    expect(words.length).toBeGreaterThan(1);
  });
});

describe("stem", () => {
  it("folds plurals, -ing, -ed and British spellings", () => {
    expect(stem("inductors")).toBe("inductor");
    expect(stem("batteries")).toBe("battery");
    expect(stem("soldering")).toBe("solder");
    expect(stem("optimised")).toBe(stem("optimized"));
    expect(stem("miniaturisation")).toBe(stem("miniaturization"));
    expect(stem("glass")).toBe("glass");
    expect(stem("0402")).toBe("0402");
  });
});

describe("analyse", () => {
  it("maps Chinese and English forms to the same concept", () => {
    expect(keys("电感")).toEqual(["~inductor"]);
    expect(keys("Inductors")).toEqual(["~inductor"]);
    expect(keys("磁芯")).toEqual(keys("magnetic core"));
    expect(keys("贴片")).toEqual(keys("SMT"));
    expect(keys("医疗电子")).toEqual(keys("medical electronics"));
  });

  it("adds broader concepts of a narrower term", () => {
    expect(keys("功率电感")).toEqual(["~power-inductor", "~inductor"]);
  });

  it("drops stop words in both languages and keeps what was written", () => {
    const terms = analyse("我们需要的是 a new sensor for the 监护仪");
    expect(terms.map((t) => t.key)).toEqual(["~sensor", "~monitor"]);
    expect(terms.map((t) => t.surface)).toEqual(["sensor", "监护仪"]);
  });

  it("normalises full-width characters and case", () => {
    expect(rawTokens("ＳＭＴ　Ｌｉｎｅ")).toEqual(["smt", "line"]);
  });

  it("handles mixed text", () => {
    expect(keys("MnZn铁氧体 cores")).toEqual([
      "~ferrite",
      "~magnetic-material",
      "~ferrite",
      "~magnetic-material",
      "~magnetic-core",
    ]);
  });

  it("without the synonym table, words stay as written (so 电感 and inductor differ)", () => {
    expect(analyse("电感", { concepts: false }).map((t) => t.key)).toEqual(["电感"]);
    expect(analyse("inductors", { concepts: false }).map((t) => t.key)).toEqual(["inductor"]);
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(analyse("")).toEqual([]);
    expect(analyse("，。!?")).toEqual([]);
  });
});
