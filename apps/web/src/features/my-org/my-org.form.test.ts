import { orgUpdateRequestSchema } from "@clusterbrain/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formToUpdate, itemsToLines, linesToItems, type MyOrgFormValues } from "./my-org.form.ts";

const part = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[|\r\n]/g, "").trim())
  .filter((s) => s !== "");

describe("bilingual list lines", () => {
  it("round-trips items through the textarea format", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ zh: part, en: fc.oneof(fc.constant(""), part) }), { maxLength: 8 }),
        (items) => {
          expect(linesToItems(itemsToLines(items))).toEqual(items);
        },
      ),
    );
  });

  it("ignores blank lines and trims both halves", () => {
    expect(linesToItems("  功率电感 |  Power inductor \n\n  贴片电容\n")).toEqual([
      { zh: "功率电感", en: "Power inductor" },
      { zh: "贴片电容", en: "" },
    ]);
  });
});

describe("formToUpdate", () => {
  const values: MyOrgFormValues = {
    nameZh: " 嘉兴示例电子有限公司 ",
    nameEn: "Jiaxing Example Electronics Co., Ltd.",
    uscc: "91330400mA2b3c4d5e",
    address: "",
    district: "南湖区",
    industryCode: "C3981",
    sizeBand: "small",
    foundedYear: 2012,
    website: "",
    descriptionZh: "",
    descriptionEn: "",
    products: "功率电感 | Power inductor",
    capabilities: "",
    certifications: ["ISO 9001", " "],
    chainNodeIds: ["n1"],
    contactName: "张三",
    contactPhone: "",
    contactEmail: "",
  };

  it("builds a body the contract accepts apart from the code it validates", () => {
    const body = formToUpdate({ ...values, uscc: "" }, true);
    expect(orgUpdateRequestSchema.safeParse(body).success).toBe(true);
    expect(body.uscc).toBeUndefined();
    expect(body.certifications).toEqual(["ISO 9001"]);
    expect(body.nameZh).toBe("嘉兴示例电子有限公司");
  });

  it("upper-cases the USCC and leaves contact out when it was not visible", () => {
    const body = formToUpdate(values, false);
    expect(body.uscc).toBe("91330400MA2B3C4D5E");
    expect(body.contact).toBeUndefined();
    expect(formToUpdate(values, true).contact).toEqual({ name: "张三", phone: "", email: "" });
  });
});
