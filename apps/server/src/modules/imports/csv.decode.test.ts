import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, decodeCsvBytes, parseCsv } from "./csv.parser.ts";

const quote = (v: string) => (/[",\r\n]/.test(v) || v === "" ? `"${v.replaceAll('"', '""')}"` : v);

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line1\nline2"],
    ]);
  });

  it("accepts LF, CR and a missing final newline, and keeps empty fields", () => {
    expect(parseCsv("a,,c\nd,e,\rf")).toEqual([["a", "", "c"], ["d", "e", ""], ["f"]]);
  });

  it("round-trips any table of strings", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "电", ",", '"', "\n", "\r", " ", "1") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (table) => {
          const text = `${table.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
          expect(parseCsv(text)).toEqual(table);
        },
      ),
    );
  });

  it("names the record and field of an unclosed quote", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrowError(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (err) {
      expect(err).toMatchObject({ row: 2, column: 2 });
    }
  });

  it("refuses a stray quote inside an unquoted field and text after a closing quote", () => {
    expect(() => parseCsv('a,b"c\n')).toThrowError(/row 1, column 2/);
    expect(() => parseCsv('"a"b,c\n')).toThrowError(/after a closing quote/);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 and falls back to GB18030 (Excel's Chinese CSV)", () => {
    expect(decodeCsvBytes(Buffer.from("电感,ok", "utf8"))).toEqual({ text: "电感,ok", encoding: "utf-8" });
    // 电感 in GBK is B5 E7 B8 D0.
    expect(decodeCsvBytes(Uint8Array.from([0xb5, 0xe7, 0xb8, 0xd0, 0x2c, 0x6f, 0x6b]))).toEqual({
      text: "电感,ok",
      encoding: "gb18030",
    });
  });
});
