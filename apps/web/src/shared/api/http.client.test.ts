import { describe, expect, it } from "vitest";
import { readCookie, toQueryString } from "./http.client.ts";

describe("toQueryString", () => {
  it("drops empty values and repeats array keys", () => {
    expect(toQueryString({ q: "电感", kind: undefined, district: "", page: 2, node: ["a", "b"] })).toBe(
      `?q=${encodeURIComponent("电感")}&page=2&node=a&node=b`,
    );
    expect(toQueryString({})).toBe("");
    expect(toQueryString(undefined)).toBe("");
  });
});

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; cb_csrf=x%2By; b=2", "cb_csrf")).toBe("x+y");
    expect(readCookie("a=1", "cb_csrf")).toBeNull();
    expect(readCookie("", "cb_csrf")).toBeNull();
  });
});
