import { describe, expect, it } from "vitest";
import { fieldProblems, isErrorBody, toApiError } from "./api-error.ts";

describe("toApiError", () => {
  it("keeps the server's code, message and details", () => {
    const err = toApiError(
      422,
      {
        error: {
          code: "VALIDATION",
          message: "uscc is invalid",
          details: [{ path: "uscc", message: "bad" }],
        },
      },
      "Unprocessable",
    );
    expect(err.status).toBe(422);
    expect(err.code).toBe("VALIDATION");
    expect(err.message).toBe("uscc is invalid");
    expect(fieldProblems(err.details)).toEqual([{ field: "uscc", message: "bad" }]);
  });

  it("falls back to the HTTP status when the body is not an error envelope", () => {
    const err = toApiError(502, "<html>bad gateway</html>", "Bad Gateway");
    expect(err.code).toBe("HTTP_502");
    expect(err.message).toBe("Bad Gateway");
    expect(isErrorBody({ error: { code: 1, message: "x" } })).toBe(false);
  });
});

describe("fieldProblems", () => {
  it("reads the detail shapes a validating server sends", () => {
    expect(fieldProblems([{ path: "products.0.zh", message: "m0" }])).toEqual([
      { field: "products", message: "m0" },
    ]);
    expect(fieldProblems({ issues: [{ path: ["uscc"], message: "m1" }] })).toEqual([
      { field: "uscc", message: "m1" },
    ]);
    expect(fieldProblems({ fields: { nameZh: "m2" } })).toEqual([{ field: "nameZh", message: "m2" }]);
    expect(fieldProblems({ field: "uscc", message: "m3" })).toEqual([{ field: "uscc", message: "m3" }]);
    expect(fieldProblems(null)).toEqual([]);
    expect(
      fieldProblems([
        { path: "", message: "no field" },
        { path: [], message: "none" },
      ]),
    ).toEqual([]);
  });
});
