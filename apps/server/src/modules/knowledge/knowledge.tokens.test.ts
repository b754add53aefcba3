import { describe, expect, it } from "vitest";
import { documentTokens, queryTokens } from "./knowledge.tokens.ts";

const matches = (doc: string, query: string) => {
  const tokens = new Set(documentTokens(doc));
  const q = queryTokens(query);
  return q.length > 0 && q.every((t) => tokens.has(t));
};

describe("knowledge search tokens (Intl.Segmenter + Han bigrams)", () => {
  it("finds Chinese words however ICU cut the document", () => {
    const doc = "一体成型电感的磁粉选择与医疗器械风险管理";
    expect(matches(doc, "电感")).toBe(true);
    expect(matches(doc, "成型电感")).toBe(true);
    expect(matches(doc, "风险管理")).toBe(true);
    expect(matches(doc, "磁")).toBe(true);
    expect(matches(doc, "电容")).toBe(false);
    expect(matches(doc, "电感 电容")).toBe(false); // every token must match
  });

  it("finds English words case-insensitively, plural or singular, and standard numbers", () => {
    const doc = "EMC pre-compliance for Inductors under IEC 60601-1-2:2014 and YY/T 0316-2016";
    expect(matches(doc, "inductor")).toBe(true);
    expect(matches(doc, "INDUCTORS emc")).toBe(true);
    expect(matches(doc, "IEC 60601")).toBe(true);
    expect(matches(doc, "YY/T 0316")).toBe(true);
    expect(matches(doc, "capacitor")).toBe(false);
    expect(matches(doc, "ＩＥＣ")).toBe(true); // full-width letters normalise
  });

  it("mixed queries and empty ones", () => {
    expect(matches("IEC 60601 医用电气设备 电磁兼容", "60601 电磁兼容")).toBe(true);
    expect(queryTokens(" / - ")).toEqual([]);
  });
});
