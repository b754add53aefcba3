import { randomUUID } from "node:crypto";
import type { MachineStateName } from "@clusterbrain/contracts";
import type { Database } from "../../db/database.ts";
import type { PointRow } from "../telemetry/point.repository.ts";
import { type CountRow, type EventInsert, OeeRepository, type SettingsRow } from "./oee.repository.ts";

/** Tag keys a machine's tags are taken as when its settings name none. */
export const DEFAULT_TAG_KEYS = {
  state: ["state", "machine_state"],
  reason: ["state_reason", "reason", "stop_reason"],
  good: ["good_count", "pass_count"],
  reject: ["reject_count", "fail_count"],
  total: ["total_count"],
  idealCycle: ["ideal_cycle_s"],
} as const;
type Role = keyof typeof DEFAULT_TAG_KEYS;

const SETTING_OF: Record<Role, keyof SettingsRow> = {
  state: "stateTag",
  reason: "reasonTag",
  good: "goodTag",
  reject: "rejectTag",
  total: "totalTag",
  idealCycle: "idealCycleTag",
};

/** A state tag's reading as one of the store's states (PLC words vary); null = not understood. */
export function normaliseState(value: string | number | boolean | null): MachineStateName | null {
  if (typeof value === "boolean") return value ? "running" : "down";
  if (value === null || typeof value === "number") return null;
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (["run", "running", "auto", "production", "producing", "运行"].includes(v)) return "running";
  if (["idle", "wait", "waiting", "starved", "blocked", "待机", "空闲"].includes(v)) return "idle";
  if (["setup", "changeover", "adjust", "adjustment", "换型", "调机"].includes(v)) return "setup";
  if (["down", "fault", "error", "alarm", "stop", "stopped", "breakdown", "故障", "停机"].includes(v))
    return "down";
  if (["planned_stop", "planned", "break", "off", "no_plan", "计划停机"].includes(v)) return "planned_stop";
  return null;
}

interface DeviceRoles {
  machineId: string;
  /** tag id → role */
  roles: Map<string, Role>;
  hasTotal: boolean;
  hasGood: boolean;
  loadedAt: number;
}

const CACHE_MS = 30_000;

/**
 * Feeds the OEE store from stored telemetry: a change of the state tag (or its reason) closes the
 * machine's open interval and opens the next; count tags are cumulative counters whose increases
 * (a drop is a counter reset) go into minute buckets. Writes are applied in order per org.
 */
export class OeeIngest {
  private readonly cache = new Map<string, DeviceRoles | null>();
  private readonly queues = new Map<string, Promise<void>>();
  errors = 0;
  lastError: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Forget what is known of an org's tags (its settings changed). */
  invalidate(orgId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${orgId}\u0000`)) this.cache.delete(k);
  }

  accept(orgId: string, deviceId: string, rows: readonly PointRow[]): void {
    const prev = this.queues.get(orgId) ?? Promise.resolve();
    const next = prev
      .then(() => this.apply(orgId, deviceId, rows))
      .catch((err: unknown) => {
        this.errors++;
        this.lastError = err instanceof Error ? err.message : String(err);
      });
    this.queues.set(orgId, next);
    void next.then(() => {
      if (this.queues.get(orgId) === next) this.queues.delete(orgId);
    });
  }

  /** Resolves when everything accepted so far is applied. */
  async flush(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  private async roles(orgId: string, deviceId: string): Promise<DeviceRoles | null> {
    const key = `${orgId}\u0000${deviceId}`;
    const hit = this.cache.get(key);
    if (hit !== undefined && (hit === null || Date.now() - hit.loadedAt < CACHE_MS)) return hit;
    const repo = new OeeRepository(this.db);
    const device = await repo.deviceTags(orgId, deviceId);
    if (!device) {
      this.cache.set(key, null);
      return null;
    }
    const [settings] = await repo.settings(orgId, [device.machineId]);
    const roles = new Map<string, Role>();
    for (const role of Object.keys(DEFAULT_TAG_KEYS) as Role[]) {
      const chosen = settings?.[SETTING_OF[role]];
      const keys: readonly string[] = typeof chosen === "string" ? [chosen] : DEFAULT_TAG_KEYS[role];
      const tag = keys.map((k) => device.tags.find((t) => t.key === k)).find((t) => t !== undefined);
      if (tag) roles.set(tag.id, role);
    }
    const has = (r: Role) => [...roles.values()].includes(r);
    const out = {
      machineId: device.machineId,
      roles,
      hasTotal: has("total"),
      hasGood: has("good"),
      loadedAt: Date.now(),
    };
    this.cache.set(key, out);
    return out;
  }

  private async apply(orgId: string, deviceId: string, rows: readonly PointRow[]): Promise<void> {
    const dev = await this.roles(orgId, deviceId);
    if (!dev) return;
    const mine = rows.filter((r) => dev.roles.has(r.tagId)).sort((a, b) => a.ts - b.ts);
    if (mine.length === 0) return;
    await this.db.transaction(async (tx) => {
      const repo = new OeeRepository(tx);
      const [status] = await repo.statuses(orgId, [dev.machineId]);
      let state: MachineStateName | null = status?.state ?? null;
      let reason = status?.reason ?? "";
      let since = status?.since?.getTime() ?? null;
      let openId = status?.openEventId ?? null;
      let lastTs = status?.lastTs?.getTime() ?? Number.NEGATIVE_INFINITY;
      let ideal = status?.idealCycleS ?? null;
      const counters: Record<string, number> = { ...(status?.counters ?? {}) };
      const inserts: EventInsert[] = [];
      const closes: { id: string; at: Date }[] = [];
      const buckets = new Map<number, { good: number; reject: number; total: number }>();

      // State and reason readings grouped by timestamp: a reason alone re-codes the current stop.
      const byTs = new Map<number, { state?: MachineStateName | null; reason?: string }>();
      for (const r of mine) {
        const role = dev.roles.get(r.tagId);
        if (role === "state") {
          const e = byTs.get(r.ts) ?? {};
          e.state = normaliseState(r.str ?? r.bool ?? r.num);
          byTs.set(r.ts, e);
        } else if (role === "reason") {
          const e = byTs.get(r.ts) ?? {};
          e.reason = r.str ?? String(r.num ?? r.bool ?? "");
          byTs.set(r.ts, e);
        } else if (role === "idealCycle") {
          if (r.num !== null && r.num > 0) ideal = r.num;
        } else if (r.num !== null) {
          const last = counters[r.tagId];
          counters[r.tagId] = r.num;
          if (last === undefined) continue;
          const delta = r.num >= last ? r.num - last : Math.max(0, r.num);
          if (delta === 0) continue;
          const bucket = Math.floor(r.ts / 60_000) * 60_000;
          const b = buckets.get(bucket) ?? { good: 0, reject: 0, total: 0 };
          if (role === "good") b.good += delta;
          else if (role === "reject") b.reject += delta;
          else b.total += delta;
          buckets.set(bucket, b);
        }
      }
      for (const [ts, e] of [...byTs].sort(([a], [b]) => a - b)) {
        // Late readings cannot rewrite closed intervals.
        if (ts < lastTs) continue;
        lastTs = ts;
        const nextState = e.state === undefined ? state : (e.state ?? state);
        if (nextState === null) continue;
        const nextReason = nextState === "running" ? "" : (e.reason ?? (nextState === state ? reason : ""));
        if (nextState === state && nextReason === reason) continue;
        if (openId) closes.push({ id: openId, at: new Date(ts) });
        openId = randomUUID();
        inserts.push({
          orgId,
          id: openId,
          machineId: dev.machineId,
          state: nextState,
          reason: nextReason,
          startedAt: new Date(ts),
          source: "tag",
        });
        state = nextState;
        reason = nextReason;
        since = ts;
      }
      for (const c of closes) {
        const pending = inserts.find((i) => i.id === c.id);
        if (pending) pending.endedAt = c.at;
        else await repo.closeEvent(orgId, c.id, c.at);
      }
      if (inserts.length > 0) await repo.insertEvents(inserts);
      const countRows: CountRow[] = [...buckets].map(([bucket, b]) => {
        const total = dev.hasTotal ? b.total : b.good + b.reject;
        const good = dev.hasGood ? b.good : total - b.reject;
        return { orgId, machineId: dev.machineId, bucket: new Date(bucket), good, total };
      });
      if (countRows.length > 0) await repo.addCounts(countRows);
      await repo.putStatus({
        orgId,
        machineId: dev.machineId,
        state,
        reason,
        since: since === null ? null : new Date(since),
        openEventId: openId,
        counters,
        idealCycleS: ideal,
        lastTs: Number.isFinite(lastTs) ? new Date(lastTs) : (status?.lastTs ?? null),
        updatedAt: this.now(),
      });
    });
  }
}
