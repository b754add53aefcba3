import { describe, expect, it } from "vitest";
import { type SearchProvider, searchAll } from "./search.registry.ts";

const ctx = { pick: (zh: string | null | undefined) => zh ?? "", signal: new AbortController().signal };

describe("global search registry", () => {
  it("asks every provider, drops empty groups, and survives a failing provider", async () => {
    const providers: SearchProvider[] = [
      {
        key: "a",
        label: "nav.directory",
        search: async (q) => [{ key: "1", title: `org ${q}`, to: "/orgs/1" }],
      },
      { key: "b", label: "nav.chainMap", search: async () => [] },
      {
        key: "c",
        label: "nav.jobs",
        search: async () => {
          throw new Error("down");
        },
      },
    ];
    const groups = await searchAll(providers, " ferrite ", ctx);
    expect(groups.map((g) => g.provider.key)).toEqual(["a"]);
    expect(groups[0].hits[0].title).toBe("org ferrite");
    expect(await searchAll(providers, "   ", ctx)).toEqual([]);
  });
});
