import { usccIssue } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { districtLabel, formatList, formatNumber, industryText, serverText } from "./locale-format.ts";

const HAN = /\p{Script=Han}/u;

describe("server texts are rendered from their key and parameters in the chosen language", () => {
  const issue = usccIssue("91330402MA2B3C4D51");
  const text = { ...issue!, message: 'check character is "1" but should be "X"' };

  it("the USCC check-character problem in Chinese and in English", () => {
    expect(issue?.key).toBe("uscc.checkChar");
    const { got, expected } = issue!.params;
    expect(serverText("zh-CN", text)).toBe(`校验码为“${got}”，应为“${expected}”`);
    expect(serverText("en", text)).toBe(`check character is "${got}" but should be "${expected}"`);
  });

  it("a text without a known key: the English message in English, nothing in Chinese", () => {
    expect(serverText("en", { message: "email or password is wrong" })).toBe("email or password is wrong");
    expect(serverText("zh-CN", { message: "email or password is wrong" })).toBeNull();
    expect(serverText("zh-CN", { key: "no.such.key", message: "x" })).toBeNull();
  });

  it("import cell and file problems fill their parameters", () => {
    expect(serverText("zh-CN", { key: "import.formula", params: { value: "=1+1" }, message: "" })).toBe(
      "以公式字符开头（=1+1），已按纯文本导入，请核对",
    );
    expect(
      serverText("en", { key: "importFile.tooManyRows", params: { rows: 10001, max: 10000 }, message: "" }),
    ).toBe("the file has 10001 data rows; at most 10000 per import");
  });
});

describe("locale formatting", () => {
  it("lists: 、 and 和 in Chinese, commas and 'and' in English", () => {
    expect(formatList("zh-CN", ["甲", "乙", "丙"])).toBe("甲、乙和丙");
    expect(formatList("en", ["Ann", "Bo", "Cy"])).toBe("Ann, Bo and Cy");
  });

  it("numbers group by the locale", () => {
    expect(formatNumber("en", 12345.678)).toBe("12,345.68");
    expect(formatNumber("zh-CN", 12345.678)).toBe("12,345.68");
  });

  it("districts and industry classes in the reader's language", () => {
    expect(districtLabel("en", "南湖区")).toBe("Nanhu District");
    expect(districtLabel("zh-CN", "南湖区")).toBe("南湖区");
    expect(industryText("en", "3981")).not.toMatch(HAN);
    expect(industryText("zh-CN", "3981")).toBe("3981 电阻电容电感元件制造");
  });
});
