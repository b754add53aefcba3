import { ORG_KINDS, ORG_SORTS } from "@clusterbrain/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DirectoryQuery,
  directoryExportUrl,
  parseDirectoryQuery,
  toApiQuery,
  toSearchParams,
} from "./directory-query.ts";

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== "");

const queryArb: fc.Arbitrary<DirectoryQuery> = fc.record({
  q: fc.oneof(fc.constant(""), text, fc.constantFrom("电感", "磁性材料", "inductor")),
  kind: optional(fc.constantFrom(...ORG_KINDS)),
  district: optional(text),
  industry: optional(text),
  chainNode: optional(text),
  sort: fc.constantFrom(...ORG_SORTS),
  order: fc.constantFrom("asc" as const, "desc" as const),
  page: fc.integer({ min: 1, max: 500 }),
  pageSize: fc.constantFrom(10, 20, 50, 100),
});

describe("directory URL state", () => {
  it("round-trips every valid state through the URL", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const url = new URLSearchParams(toSearchParams(query).toString());
        expect(parseDirectoryQuery(url)).toEqual(query);
      }),
    );
  });

  it("falls back to defaults on malformed values", () => {
    const parsed = parseDirectoryQuery(new URLSearchParams("kind=robot&sort=x&page=-3&pageSize=7&order=up"));
    expect(parsed).toMatchObject({ kind: undefined, sort: "relevance", page: 1, pageSize: 20, order: "asc" });
  });

  it("writes nothing for the default state", () => {
    expect(toSearchParams(parseDirectoryQuery(new URLSearchParams())).toString()).toBe("");
  });

  it("maps to the API query, omitting an empty search and passing the reading language", () => {
    const query = parseDirectoryQuery(new URLSearchParams("q=电感&kind=enterprise&page=2"));
    expect(toApiQuery(query, "en")).toMatchObject({ q: "电感", kind: "enterprise", page: 2, lang: "en" });
    expect(toApiQuery(parseDirectoryQuery(new URLSearchParams()), "zh").q).toBeUndefined();
  });
});

describe("directoryExportUrl", () => {
  it("carries the screen's search, filters and sort, never its page, and the reader's language", () => {
    const query = parseDirectoryQuery(
      new URLSearchParams("q=电感&kind=enterprise&district=南湖区&sort=name&order=desc&page=3&pageSize=50"),
    );
    const url = new URL(directoryExportUrl(query, "en"), "http://x");
    expect(url.pathname).toBe("/api/v1/exports/directory");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: "电感",
      kind: "enterprise",
      district: "南湖区",
      sort: "name",
      order: "desc",
      lang: "en",
      format: "xlsx",
    });
    expect(
      new URL(directoryExportUrl(parseDirectoryQuery(new URLSearchParams()), "zh", "csv"), "http://x").search,
    ).toBe("?sort=relevance&order=asc&lang=zh&format=csv");
  });
});
