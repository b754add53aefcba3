import { text } from "./common.contract.ts";
import type { ServerMessage } from "./message.contract.ts";

/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015.
 * 18 characters from a 31-symbol alphabet (digits and capitals without I, O, Z, S, V, which
 * are easily confused); the 18th is a mod-31 check character over the first 17.
 */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Position weights 3^(i) mod 31 for positions 1..17, as tabulated in GB 32100-2015. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const FIRST17_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;

/**
 * Check character for the first 17 characters: C18 = 31 − (Σ value·weight mod 31), where 31 maps
 * to 0. Returns null when `first17` is not exactly 17 characters of the code alphabet.
 */
export function usccCheckChar(first17: string): string | null {
  if (!FIRST17_PATTERN.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check];
}

/** True when `code` is 18 characters of the alphabet and its last character is the check character. */
export function isValidUscc(code: string): boolean {
  if (!USCC_PATTERN.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/** Why a code is invalid, as a translatable message (null when valid). */
export function usccIssue(code: string): ServerMessage | null {
  if (code.length !== 18) return { key: "uscc.length", params: { got: code.length } };
  const bad = [...code].find((ch) => !USCC_ALPHABET.includes(ch));
  if (bad !== undefined) return { key: "uscc.badChar", params: { char: bad } };
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17])
    return { key: "uscc.checkChar", params: { got: code[17], expected: expected ?? "" } };
  return null;
}

/** Why a code is invalid, in English for the API and the CLI (null when valid). */
export function usccProblem(code: string): string | null {
  const issue = usccIssue(code);
  if (issue === null) return null;
  const p = issue.params;
  switch (issue.key) {
    case "uscc.length":
      return `must be 18 characters (got ${p.got})`;
    case "uscc.badChar":
      return `contains "${p.char}", which is not allowed (0-9 and A-Y without I, O, S, V, Z)`;
    default:
      return `check character is "${p.got}" but should be "${p.expected}"`;
  }
}

/**
 * Zod schema for a 统一社会信用代码. Trims and upper-cases first (codes are often typed in lower
 * case or pasted with spaces), then validates; the message names the field so a form or an import
 * report can show it directly, and `params` carry the key the web translates.
 */
export const usccSchema = text({ max: 40 })
  .toUpperCase()
  .superRefine((code, ctx) => {
    const issue = usccIssue(code);
    if (issue !== null) {
      ctx.addIssue({
        code: "custom",
        message: `统一社会信用代码 (uscc) is invalid: ${usccProblem(code)}`,
        params: { key: issue.key, ...issue.params },
      });
    }
  });
