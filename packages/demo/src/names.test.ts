import { DISTRICT_NAMES, districtName, INDUSTRY_NAMES, industryLabel } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEMO_SEED, generateDemoCluster } from "./demo.generator.ts";
import { DISTRICTS } from "./districts.data.ts";

describe("bilingual reference names cover the demo cluster", () => {
  const demo = generateDemoCluster(DEFAULT_DEMO_SEED);

  it("every demo district has the same code and both names in the contracts' table", () => {
    for (const d of DISTRICTS) {
      expect(DISTRICT_NAMES).toContainEqual({ code: d.divisionCode, zh: d.nameZh, en: d.nameEn });
      expect(districtName(d.nameZh, "en")).toBe(d.nameEn);
    }
  });

  it("every industry class a demo organisation carries has a Chinese and an English name", () => {
    const codes = new Set(demo.orgs.map((o) => o.industryCode).filter((c) => c !== ""));
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      expect(INDUSTRY_NAMES[code], code).toBeDefined();
      expect(industryLabel(code, "en")).not.toMatch(/\p{Script=Han}/u);
      expect(industryLabel(`C${code}`, "zh")).toMatch(/\p{Script=Han}/u);
    }
  });
});
