import { describe, expect, it } from "vitest";
import { formatUdi, gs1CheckDigit, isValidGtin, parseUdi } from "./gs1-udi.ts";
import { TraceError } from "./trace.errors.ts";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof TraceError) return e.code;
    throw e;
  }
  throw new Error("expected a TraceError");
}

describe("GS1 check digit", () => {
  it("matches the GS1 General Specifications examples", () => {
    expect(gs1CheckDigit("0950600013435")).toBe(2); // (01)09506000134352
    expect(gs1CheckDigit("0950110153000")).toBe(3); // (01)09501101530003
    expect(gs1CheckDigit("400638133393")).toBe(1); // EAN-13 4006381333931
    expect(isValidGtin("10614141000033")).toBe(true);
    expect(isValidGtin("10614141000034")).toBe(false);
    expect(isValidGtin("0950600013435")).toBe(false); // 13 digits: not the GTIN-13 of these digits
  });
});

describe("parseUdi", () => {
  it("reads the bracketed GS1 example", () => {
    expect(parseUdi("(01)09506000134352(17)141120(10)AB-123")).toEqual({
      gtin: "09506000134352",
      expiry: "2014-11-20",
      lot: "AB-123",
    });
  });

  it("reads the raw form with FNC1/GS separators and a symbology identifier", () => {
    const raw = "]d2010950110153000317140704\x1d10AB-123\x1d21SN0042";
    expect(raw.startsWith("]d2")).toBe(true);
    expect(parseUdi(raw)).toEqual({
      gtin: "09501101530003",
      expiry: "2014-07-04",
      lot: "AB-123",
      serial: "SN0042",
    });
    expect(parseUdi("\x1d010950110153000310LOT7")).toEqual({ gtin: "09501101530003", lot: "LOT7" });
  });

  it("accepts the AIs in any order, in both forms", () => {
    const expected = {
      gtin: "09506000134352",
      lot: "L1",
      serial: "S9",
      expiry: "2027-03-31",
      productionDate: "2025-02-28",
    };
    expect(parseUdi("(21)S9(10)L1(17)270300(11)250228(01)09506000134352")).toEqual(expected);
    expect(parseUdi("21S9\x1d10L1\x1d17270300112502280109506000134352")).toEqual(expected);
    expect(parseUdi(formatUdi(expected, "raw"))).toEqual(expected);
    expect(parseUdi(formatUdi(expected))).toEqual(expected);
  });

  it("reads day 00 as the last day of the month, leap years included", () => {
    expect(parseUdi("(01)09506000134352(17)240200").expiry).toBe("2024-02-29");
    expect(parseUdi("(01)09506000134352(17)250200").expiry).toBe("2025-02-28");
    expect(parseUdi("(01)09506000134352(17)251100").expiry).toBe("2025-11-30");
  });

  it("applies the GS1 century window when a reference year is given", () => {
    expect(parseUdi("(01)09506000134352(17)990101", { referenceYear: 2026 }).expiry).toBe("1999-01-01");
    expect(parseUdi("(01)09506000134352(17)760101", { referenceYear: 2026 }).expiry).toBe("2076-01-01");
    expect(parseUdi("(01)09506000134352(17)770101", { referenceYear: 2026 }).expiry).toBe("1977-01-01");
  });

  it("refuses a wrong check digit, naming the expected one", () => {
    expect(codeOf(() => parseUdi("(01)09506000134353(10)A"))).toBe("BAD_CHECK_DIGIT");
    expect(() => parseUdi("0109506000134353")).toThrow(/expected 2/);
  });

  it("refuses unknown AIs, bad dates, too-long and bad fields with typed errors", () => {
    expect(codeOf(() => parseUdi("(01)09506000134352(99)X"))).toBe("UNKNOWN_AI");
    expect(codeOf(() => parseUdi("010950600013435230X"))).toBe("UNKNOWN_AI");
    expect(codeOf(() => parseUdi("(01)09506000134352(17)251301"))).toBe("BAD_DATE");
    expect(codeOf(() => parseUdi("(01)09506000134352(17)250230"))).toBe("BAD_DATE");
    expect(codeOf(() => parseUdi("(01)09506000134352(11)25AB01"))).toBe("BAD_DATE");
    expect(codeOf(() => parseUdi(`(01)09506000134352(10)${"A".repeat(21)}`))).toBe("FIELD_TOO_LONG");
    expect(codeOf(() => parseUdi(`0109506000134352\x1d21${"9".repeat(21)}`))).toBe("FIELD_TOO_LONG");
    expect(codeOf(() => parseUdi("(01)0950600013435"))).toBe("BAD_FIELD");
    expect(codeOf(() => parseUdi("(01)09506000134352(10)lot with space"))).toBe("BAD_FIELD");
    expect(codeOf(() => parseUdi("(10)A(10)B(01)09506000134352"))).toBe("DUPLICATE_AI");
    expect(codeOf(() => parseUdi("(10)ABC"))).toBe("MISSING_GTIN");
    expect(codeOf(() => parseUdi("   "))).toBe("EMPTY_UDI");
  });

  it("errors are engine errors with a kind the server maps to 400/422", () => {
    expect.assertions(4);
    try {
      parseUdi("(01)09506000134353");
    } catch (e) {
      expect(e).toBeInstanceOf(TraceError);
      expect((e as TraceError).domain).toBe("trace");
      expect((e as TraceError).kind).toBe("rejected");
      expect((e as TraceError).position.field).toBe("(01)");
    }
  });
});
