import { describe, expect, it } from "vitest";
import { isMessageKey, translate } from "../../i18n/translate.ts";
import { AUDIT_ACTIONS, changedFields, showValue } from "./audit-diff.ts";

describe("changedFields", () => {
  it("lists only the fields whose values differ", () => {
    expect(
      changedFields(
        { nameZh: "甲", products: [{ zh: "电感", en: "Inductor" }], district: "南湖区" },
        { nameZh: "乙", products: [{ zh: "电感", en: "Inductor" }], district: "南湖区", website: "x" },
      ),
    ).toEqual([
      { field: "nameZh", before: "甲", after: "乙" },
      { field: "website", before: undefined, after: "x" },
    ]);
  });

  it("treats a create (no before) as every field changed and equal snapshots as none", () => {
    expect(changedFields(null, { a: 1 })).toEqual([{ field: "a", before: undefined, after: 1 }]);
    expect(changedFields({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(changedFields("x", "y")).toEqual([{ field: "(value)", before: "x", after: "y" }]);
  });
});

describe("showValue", () => {
  it("shortens long values and marks missing ones", () => {
    expect(showValue(undefined)).toBe("—");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue("x".repeat(10), 5)).toBe("xxxx…");
  });
});

describe("audit action names", () => {
  it("every action the filter offers has a readable name in both languages", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = `auditAction.${action}`;
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(translate("en", key)).not.toBe(translate("zh-CN", key));
    }
  });
});
