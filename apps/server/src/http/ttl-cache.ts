/**
 * A small in-process cache with a time-to-live and a size cap (oldest entries evicted first).
 * Used for per-request credential lookups, cluster-wide aggregates and directory reads; writes in
 * this process invalidate at once, other processes see changes within the TTL.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly inflight = new Map<string, Promise<V>>();
  /** Bumped by clear(): a load that started before a write must neither be shared nor stored after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
    this.inflight.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.inflight.clear();
    this.generation++;
  }

  /**
   * Returns the cached value or computes, stores and returns it (concurrent misses share one
   * computation; a TTL of 0 disables the cache). A clear() while the computation runs keeps its result out of the cache and away
   * from later callers, which load afresh: a reader never gets data older than a finished write.
   */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load(); // disabled: every call loads (benchmarks of the uncached path)
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const started = this.generation;
    const p = load()
      .then((v) => {
        if (this.generation === started) this.set(key, v);
        return v;
      })
      .finally(() => {
        if (this.inflight.get(key) === p) this.inflight.delete(key);
      });
    this.inflight.set(key, p);
    return p;
  }
}
