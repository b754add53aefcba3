import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./csv.decode.ts";

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
