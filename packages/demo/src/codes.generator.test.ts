import { SeededRandom } from "@clusterbrain/engine/shared";
import { describe, expect, it } from "vitest";
import { generatePatentNumber, orgCodeCheckChar } from "./codes.generator.ts";

describe("orgCodeCheckChar (GB 11714-1997)", () => {
  it("reproduces the organisation codes inside published USCCs", () => {
    // 911000001000013428 (中国银行) contains 10000134-2; 91330100716105852F contains 71610585-2.
    expect(orgCodeCheckChar("10000134")).toBe("2");
    expect(orgCodeCheckChar("71610585")).toBe("2");
    // 91440300708461136T contains 70846113-6.
    expect(orgCodeCheckChar("70846113")).toBe("6");
  });
});

describe("generatePatentNumber", () => {
  it("formats ZL + year + type + serial + check and recomputes its own check", () => {
    const rng = new SeededRandom(1);
    for (let i = 0; i < 50; i++) {
      const number = generatePatentNumber(rng, 2023, "invention");
      expect(number).toMatch(/^ZL20231\d{7}\.[0-9X]$/);
      const digits = number.slice(2, 14);
      const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
      const r = [...digits].reduce((s, d, j) => s + Number(d) * weights[j], 0) % 11;
      expect(number.at(-1)).toBe(r === 10 ? "X" : String(r));
    }
  });
});
