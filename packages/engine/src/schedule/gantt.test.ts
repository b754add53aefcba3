import { describe, expect, it } from "vitest";
import { FT06_TEXT } from "./fixtures/benchmarks.ts";
import { renderGanttHtml } from "./gantt.ts";
import { parseJobShop } from "./parse-jobshop.ts";
import { solveSchedule } from "./solve.ts";

describe("renderGanttHtml", () => {
  it("draws one bar per operation and needs nothing from the network", () => {
    const inst = parseJobShop(FT06_TEXT, "ft06 <demo>");
    const res = solveSchedule(inst, { algorithm: "constructive" });
    const html = renderGanttHtml(inst, res.schedule);
    expect(html.match(/<rect x=[^>]*rx="2"/g)).toHaveLength(36);
    expect(html).toContain("ft06 &lt;demo&gt;");
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toContain("<script");
  });
});
