import { expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.ts";

/** A load the test finishes by hand, to interleave it with a write. */
function deferred<V>(): { promise: Promise<V>; resolve: (v: V) => void } {
  let resolve: (v: V) => void = () => undefined;
  const promise = new Promise<V>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

it("concurrent misses share one load, and its value is served until the TTL ends", async () => {
  const cache = new TtlCache<string>(60_000);
  let loads = 0;
  const load = async () => `v${++loads}`;
  const [a, b] = await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)]);
  expect([a, b, loads]).toEqual(["v1", "v1", 1]);
  expect(await cache.getOrLoad("k", load)).toBe("v1");
  expect(cache.get("k", Date.now() + 60_001)).toBeUndefined();
});

it("a load that started before clear() is neither shared with later readers nor stored", async () => {
  const cache = new TtlCache<string>(60_000);
  const before = deferred<string>();
  const early = cache.getOrLoad("k", () => before.promise);
  cache.clear(); // a write committed while the early read was still in the database
  const late = cache.getOrLoad("k", async () => "after-write");
  before.resolve("before-write");
  expect(await early).toBe("before-write");
  expect(await late).toBe("after-write");
  expect(cache.get("k")).toBe("after-write");
  expect(await cache.getOrLoad("k", async () => "reloaded")).toBe("after-write");
});

it("the oldest entry goes first when the cache is full", () => {
  const cache = new TtlCache<number>(60_000, 2);
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("c", 3);
  expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
});
