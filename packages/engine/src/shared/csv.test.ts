import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, readCsv } from "./csv.ts";
import { EngineError } from "./engine-error.ts";

const quote = (v: string) => (/[",\r\n]/.test(v) || v === "" ? `"${v.replaceAll('"', '""')}"` : v);

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}

describe("readCsv (RFC 4180, the one CSV reader)", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, and drops a BOM", () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n';
    expect(readCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line1\nline2"],
    ]);
  });

  it("accepts LF, CR and a missing final newline, keeps empty fields and numbers blank lines", () => {
    expect(readCsv("a,,c\nd,e,\rf")).toEqual([["a", "", "c"], ["d", "e", ""], ["f"]]);
    expect(readCsv("x\n\ny\n")).toEqual([["x"], [""], ["y"]]);
  });

  it("round-trips any table of strings", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "电", ",", '"', "\n", "\r", " ", "1") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (table) => {
          const text = `${table.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
          expect(readCsv(text)).toEqual(table);
        },
      ),
    );
  });

  it("names the record and field of an unclosed quote, as an unreadable-input engine error", () => {
    const err = caught(() => readCsv('a,b\n1,"open\n2,3\n'));
    expect(err).toBeInstanceOf(CsvError);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ row: 2, column: 2, kind: "unreadable", position: { row: 2, column: 2 } });
  });

  it("refuses a stray quote inside an unquoted field and text after a closing quote", () => {
    expect(() => readCsv('a,b"c\n')).toThrowError(/row 1, column 2/);
    expect(() => readCsv('"a"b,c\n')).toThrowError(/after a closing quote/);
  });

  it("reads another delimiter with the same quoting", () => {
    expect(readCsv('a;"b;c"\n', { delimiter: ";" })).toEqual([["a", "b;c"]]);
  });
});
