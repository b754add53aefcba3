import { USCC_ALPHABET, usccCheckChar } from "@clusterbrain/contracts";
import type { SeededRandom } from "@clusterbrain/engine/shared";

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const DIGITS = "0123456789";
/** Letters allowed in an organisation code that also survive inside a USCC. */
const LETTERS = USCC_ALPHABET.slice(10);

function orgCodeValue(ch: string): number {
  return ch >= "0" && ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55;
}

/** Check character of an 8-character organisation code body (GB 11714-1997). */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Registration authority + organisation type (GB 32100-2015 table 1 and 2). */
export type UsccIssuer = "enterprise" | "public-institution" | "social-group" | "government";
const ISSUER_PREFIX: Record<UsccIssuer, string> = {
  enterprise: "91",
  "public-institution": "12",
  "social-group": "51",
  government: "11",
};

/**
 * A real-format 统一社会信用代码: issuer prefix, 6-digit division code, 9-character organisation
 * code (new registrations since 2015 start with "MA"), check character.
 */
export function generateUscc(
  rng: SeededRandom,
  issuer: UsccIssuer,
  divisionCode: string,
  foundedYear: number,
): string {
  let body: string;
  if (issuer === "enterprise" && foundedYear >= 2016) {
    body = "MA";
    for (let i = 0; i < 6; i++) body += rng.chance(0.6) ? rng.pick([...DIGITS]) : rng.pick([...LETTERS]);
  } else {
    body = "";
    for (let i = 0; i < 8; i++) body += rng.pick([...DIGITS]);
  }
  const first17 = ISSUER_PREFIX[issuer] + divisionCode + body + orgCodeCheckChar(body);
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`generated USCC prefix is malformed: ${first17}`);
  return first17 + check;
}

const PATENT_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const PATENT_TYPE_DIGIT = { invention: "1", "utility-model": "2", design: "3" } as const;

/**
 * Chinese patent grant number "ZL" + 12-digit application number + "." + check character
 * (weights 2..9,2..5, mod 11, 10 → X, as printed by CNIPA since 2003).
 */
export function generatePatentNumber(
  rng: SeededRandom,
  applicationYear: number,
  kind: keyof typeof PATENT_TYPE_DIGIT,
): string {
  let digits = `${applicationYear}${PATENT_TYPE_DIGIT[kind]}`;
  for (let i = 0; i < 7; i++) digits += String(rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * PATENT_WEIGHTS[i];
  const r = sum % 11;
  return `ZL${digits}.${r === 10 ? "X" : String(r)}`;
}
