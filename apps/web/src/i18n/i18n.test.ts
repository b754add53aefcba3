import { ERROR_CODES, IMPORT_ISSUE_CODES, VOLUME_BANDS } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { en } from "./en.messages.ts";
import { isMessageKey, LOCALES, MESSAGES, parseLocale, placeholders, translate } from "./translate.ts";
import { zhCN } from "./zh-cn.messages.ts";

describe("i18n message catalogues", () => {
  const zhKeys = Object.keys(zhCN).sort();

  it("every key exists in both zh-CN and en, and no locale has extra keys", () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGES[locale]).sort()).toEqual(zhKeys);
  });

  it("no message is blank", () => {
    for (const locale of LOCALES) {
      const blank = Object.entries(MESSAGES[locale]).filter(([, text]) => text.trim() === "");
      expect(blank, locale).toEqual([]);
    }
  });

  it("each English message uses the same placeholders as the Chinese one", () => {
    const mismatched = zhKeys.filter(
      (key) =>
        placeholders(zhCN[key as keyof typeof zhCN])
          .sort()
          .join() !==
        placeholders(en[key as keyof typeof en])
          .sort()
          .join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("English labels are actually English (no Han characters except the language switch)", () => {
    const han = /\p{Script=Han}/u;
    const withHan = Object.entries(en)
      .filter(([key, text]) => key !== "shell.switchLanguage" && han.test(text))
      .map(([key]) => key);
    expect(withHan).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "directory.total", { total: 42 })).toBe("42 organisations");
    expect(translate("zh-CN", "directory.total", { total: 7 })).toBe("共 7 家机构");
    expect(translate("en", "directory.total", {})).toBe("{total} organisations");
  });

  it("parses stored locales, defaulting to Chinese", () => {
    expect(parseLocale("en")).toBe("en");
    expect(parseLocale("zh-CN")).toBe("zh-CN");
    expect(parseLocale(null)).toBe("zh-CN");
    expect(parseLocale("fr")).toBe("zh-CN");
  });
});

describe("error codes", () => {
  it("every API error code has a translated headline", () => {
    const missing = ERROR_CODES.filter((code) => !isMessageKey(`errorCode.${code}`));
    expect(missing).toEqual([]);
  });
});

describe("import issue codes", () => {
  it("every import issue code has a translated label", () => {
    const missing = IMPORT_ISSUE_CODES.filter((code) => !isMessageKey(`importIssue.${code}`));
    expect(missing).toEqual([]);
  });
});

describe("volume bands", () => {
  it("every relation volume band has a label", () => {
    expect(VOLUME_BANDS.filter((band) => !isMessageKey(`volume.${band}`))).toEqual([]);
  });
});
