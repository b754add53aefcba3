import { describe, expect, it } from "vitest";
import { formData, recordFields } from "./record-fields.ts";

describe("master data form fields from the contract schemas", () => {
  it("items: numbers, the lot rule as a choice, optional fields not required", () => {
    const fields = recordFields("items");
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.code).toMatchObject({ kind: "text", required: true });
    expect(byKey.leadTimeDays).toMatchObject({ kind: "number", required: true });
    expect(byKey.lotRule).toMatchObject({ kind: "choice", required: false });
    expect(byKey.lotRule.choices).toEqual(["lot-for-lot", "fixed", "poq", "min-max"]);
    expect(byKey.lotMax.required).toBe(false);
  });

  it("drops blanks so defaults apply, and keeps numbers numeric", () => {
    const fields = recordFields("stock");
    expect(formData(fields, { item: "A", location: "", quantity: "12.5" })).toEqual({
      item: "A",
      quantity: 12.5,
    });
  });
});
