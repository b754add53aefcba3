// The hostile inputs every string, number and id field is fed: Unicode that breaks naive code,
// huge and deeply nested values, numbers at the edges of what JSON and IEEE 754 can say.
import fc from "fast-check";

/** JSON text spliced verbatim into a body (numbers JSON.stringify cannot write, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type JsonLike = null | boolean | number | string | RawJson | JsonLike[] | { [key: string]: JsonLike };

export const HUGE = 100_000;

/** Pieces that have broken real systems; each is a separate hazard. */
export const UNICODE_HAZARDS: readonly string[] = [
  "\u0000", // NUL: PostgreSQL text cannot hold it
  "a\u0000b",
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "\udc00\ud800", // reversed pair
  "\u202e", // right-to-left override
  "\u2066\u2069", // bidi isolates
  "\u200f\u200e", // direction marks
  "e\u0301\u0301\u0301\u0301", // stacked combining marks
  "\u0301", // a combining mark with nothing to combine with
  "👨‍👩‍👧‍👦", // ZWJ family sequence
  "🏳️‍🌈", // flag with variation selector
  "🇨🇳", // regional indicator pair
  "１２３４", // full-width digits
  "٣٤٥", // Arabic-Indic digits
  "\ufeff", // byte-order mark
  "\u200b\u200c\u200d", // zero-width characters
  "\u2028\u2029", // JavaScript line/paragraph separators
  "\r\n\t\v\f",
  "\u00a0\u3000", // no-break and ideographic spaces
  "\uffff\ufffe", // non-characters
  "𠀀𪚥", // astral CJK
  "İı", // case mapping traps
  "'; DROP TABLE orgs; --",
  "%s%n%x",
  `\${7*7}{{7*7}}`, // template injection
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "\\",
  '"',
];

/** A string mixing ordinary text with the hazards above; `maxLength` in UTF-16 units. */
export function hazardString(minLength = 0, maxLength = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE_HAZARDS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  );
  return fc
    .array(piece, { maxLength: 6 })
    .map((parts) => parts.join(""))
    .map((s) => clampLength(s, minLength, maxLength));
}

/**
 * Cuts to `maxLength` UTF-16 units and pads with "x" to `minLength` counted both ways, so the value
 * passes zod (UTF-16 units) and JSON Schema (code points) alike.
 */
export function clampLength(s: string, minLength: number, maxLength: number): string {
  let out = s.length > maxLength ? s.slice(0, maxLength) : s;
  const codePoints = [...out].length;
  if (codePoints < minLength) out += "x".repeat(minLength - codePoints);
  return out.length > maxLength ? "x".repeat(minLength) : out;
}

/** 100k-character strings: plain, hazard-repeated, and one that is almost all NUL. */
export const hugeString: fc.Arbitrary<string> = fc
  .constantFrom("x", "字", "\u0000", "e\u0301", "👨‍👩‍👧‍👦", "\ud800")
  .map((unit) => unit.repeat(Math.ceil(HUGE / unit.length)).slice(0, HUGE));

/** Numbers at the edges: signed zero, safe-integer bounds, overflow, underflow, huge literals. */
export const edgeNumber: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom<JsonLike>(
    0,
    -0,
    -1,
    1,
    0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc
    .constantFrom(
      "1e999",
      "-1e999",
      "1e-999",
      "123456789012345678901234567890",
      "1.00000000000000000000001",
      "-0.0",
      "0e0",
    )
    .map((t) => new RawJson(t)),
  fc.double().filter(Number.isFinite),
);

/** JSON nested thousands deep: arrays, objects, or both alternating. */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .record({ depth: fc.constantFrom(64, 1_000, 10_000, 100_000), kind: fc.constantFrom("array", "object") })
  .map(({ depth, kind }) =>
    kind === "array"
      ? new RawJson("[".repeat(depth) + "]".repeat(depth))
      : new RawJson(`${'{"a":'.repeat(depth)}null${"}".repeat(depth)}`),
  );

/** Any value of the wrong kind for a field: other JSON types, hostile strings, deep nesting. */
export const anyJson: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<JsonLike>,
  hazardString(),
  edgeNumber,
  deepNesting,
);

/** Property names a strict object must refuse (prototype pollution and plain unknowns). */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "orgId", "role", "isAdmin", ""),
  hazardString(1, 20),
);

/** Writes JSON text, splicing RawJson verbatim; own `__proto__` keys survive as plain keys. */
export function toJsonText(v: JsonLike): string {
  if (v instanceof RawJson) return v.text;
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(",")}]`;
  return `{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${toJsonText(v[k])}`)
    .join(",")}}`;
}

/** Sets an own enumerable property even when the key is `__proto__`. */
export function setOwn(obj: { [key: string]: JsonLike }, key: string, value: JsonLike): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
