import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidUscc, USCC_ALPHABET, usccCheckChar, usccProblem, usccSchema } from "./uscc.ts";

// Published codes of well-known companies. Hand check of the first one (Bank of China):
//   chars   9 1 1 0  0  0  0  0  1  0  0  0 0  1  3  4  2
//   weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
//   Σ = 9 + 3 + 9 + 20 + 24 + 30 + 120 + 56 = 271; 271 mod 31 = 23; 31 − 23 = 8 → "8".
const PUBLISHED = [
  "911000001000013428", // 中国银行股份有限公司
  "91330100716105852F", // 阿里巴巴(中国)有限公司
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
];

describe("usccCheckChar", () => {
  it("reproduces the check character of published codes", () => {
    for (const code of PUBLISHED) expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps a remainder of 0 to check character 0", () => {
    // All zeros gives Σ = 0, so 31 − 0 = 31, which the standard folds to 0.
    expect(usccCheckChar("00000000000000000")).toBe("0");
  });

  it("refuses input that is not 17 characters of the alphabet", () => {
    expect(usccCheckChar("9133040")).toBeNull();
    expect(usccCheckChar("9133040000000000I")).toBeNull();
  });
});

describe("isValidUscc", () => {
  it("accepts published codes", () => {
    for (const code of PUBLISHED) expect(isValidUscc(code)).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(isValidUscc("911000001000013429")).toBe(false);
    expect(usccProblem("911000001000013429")).toMatch(/should be "8"/);
  });

  it("rejects characters outside the alphabet (I, O, S, V, Z, lower case)", () => {
    for (const bad of ["I", "O", "S", "V", "Z", "a"]) {
      const code = `91330100716105852${bad}`;
      expect(isValidUscc(code)).toBe(false);
      expect(usccProblem(code)).toMatch(/not allowed/);
    }
  });

  it("rejects the wrong length", () => {
    expect(isValidUscc("91330100716105852")).toBe(false);
    expect(isValidUscc("91330100716105852FF")).toBe(false);
    expect(usccProblem("")).toMatch(/18 characters/);
  });

  it("accepts every 17-character prefix completed with its check character, and no other", () => {
    const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
    fc.assert(
      fc.property(fc.array(alphabetChar, { minLength: 17, maxLength: 17 }), alphabetChar, (chars, last) => {
        const first17 = chars.join("");
        const check = usccCheckChar(first17)!;
        expect(isValidUscc(first17 + check)).toBe(true);
        expect(isValidUscc(first17 + last)).toBe(last === check);
      }),
    );
  });

  it("detects every single-character substitution", () => {
    const code = PUBLISHED[1];
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue;
        expect(isValidUscc(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe("usccSchema", () => {
  it("normalises case and whitespace", () => {
    expect(usccSchema.parse(" 91330100716105852f ")).toBe("91330100716105852F");
  });

  it("names the field in its message", () => {
    const result = usccSchema.safeParse("91330100716105852A");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/统一社会信用代码 \(uscc\)/);
  });
});
