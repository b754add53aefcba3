import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emailSchema, idSchema, text } from "./common.contract.ts";

/**
 * Any string JavaScript can hold: whole code points over all of Unicode, and raw UTF-16 code units,
 * which yields lone surrogates (and controls) as often as real pairs.
 */
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
    .map((units) => String.fromCharCode(...units)),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\u001f", "\ud800", "\udfff", "\t", "\n"))
    .map(([s, bad]) => s + bad + s),
);

/** Independent oracles: encodeURIComponent throws on exactly the lone surrogates. */
function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}
function hasControl(s: string, multiline: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (multiline && (c === 0x09 || c === 0x0a)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

const MAX = 12;

describe("text: the one string type at the API boundary", () => {
  for (const multiline of [false, true]) {
    it(`accepts exactly the well-formed, control-free strings that fit (multiline ${multiline})`, () => {
      const schema = z.object({ field: text({ min: 1, max: MAX, multiline }) });
      fc.assert(
        fc.property(anyString, (input) => {
          const result = schema.safeParse({ field: input });
          const clean = wellFormed(input) && !hasControl(input, multiline);
          const out = input.normalize("NFC").trim();
          // Lengths count code points (as zod and PostgreSQL's varchar do), not UTF-16 units.
          const points = [...out].length;
          const fits = points >= 1 && points <= MAX;
          expect(result.success).toBe(clean && fits);
          if (result.success) {
            // What gets through is NFC, trimmed, within the limit, and stable under a second pass.
            expect(result.data.field).toBe(out);
            expect(result.data.field.normalize("NFC")).toBe(result.data.field);
            expect(schema.parse(result.data).field).toBe(result.data.field);
          } else {
            // The refusal names the field, so a 400 can say which one.
            expect(result.error.issues[0].path).toEqual(["field"]);
          }
        }),
      );
    });
  }

  it("always refuses NUL and lone surrogates wherever they sit", () => {
    const schema = text({ max: 1000, multiline: true });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"),
        (before, after, bad) => {
          expect(schema.safeParse(before + bad + after).success).toBe(false);
        },
      ),
    );
  });

  it("normalises to NFC: the two spellings of é are one value", () => {
    const schema = text({ max: 10 });
    expect(schema.parse("e\u0301")).toBe("\u00e9");
    expect(schema.parse("\u00e9")).toBe("\u00e9");
  });

  it("names the control character it refuses", () => {
    const result = z.object({ displayName: text({ max: 10 }) }).safeParse({ displayName: "a\u0000b" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["displayName"],
      message: expect.stringContaining("U+0000"),
    });
  });

  it("ids have their shape checked: demo slugs and UUIDs pass, junk does not", () => {
    for (const ok of [
      "org-firm-007",
      "user-demo-owner",
      "u-owner@a.test",
      "2b1e8f9a-4c1d-4e8b-9b8e-0a1b2c3d4e5f",
    ])
      expect(idSchema.parse(ok)).toBe(ok);
    for (const bad of ["", "a\u0000b", "\u0000", "../x", "a b", "é", "-x", "x".repeat(101)])
      expect(idSchema.safeParse(bad).success).toBe(false);
    fc.assert(
      fc.property(anyString, (s) => {
        const r = idSchema.safeParse(s);
        if (r.success) expect(r.data).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,99}$/);
      }),
    );
  });

  it("emails are lower-cased and refuse controls", () => {
    expect(emailSchema.parse(" New.Hire@A.test ")).toBe("new.hire@a.test");
    expect(emailSchema.safeParse("a\u0000@b.test").success).toBe(false);
  });
});
