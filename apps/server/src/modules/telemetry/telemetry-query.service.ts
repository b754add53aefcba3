import {
  chooseTier,
  type LatestValue,
  type RangeQuery,
  type RangeResult,
  type TagDataType,
  type TelemetryValue,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { AssetRepository, type TagRow } from "./asset.repository.ts";
import { QueryRepository } from "./query.repository.ts";
import type { TelemetrySettings } from "./telemetry.settings.ts";

/** Most buckets (or raw points) one range answer carries. */
export const RANGE_MAX_ITEMS = 5000;
/** Longest range one query may ask for (the hourly tier's default retention). */
const RANGE_MAX_MS = 5 * 366 * 86_400_000;

function toValue(dataType: TagDataType, num: number | null, str: string | null): TelemetryValue | null {
  if (dataType === "string") return str;
  if (num === null) return null;
  return dataType === "boolean" ? num >= 0.5 : num;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** Latest values and range queries of my org's tags (tier chosen by the range, or named). */
export class TelemetryQueryService {
  constructor(
    private readonly db: Database,
    private readonly settings: TelemetrySettings,
    private readonly now: () => Date,
  ) {}

  private async tag(actor: Actor, tagId: string): Promise<TagRow> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const tag = await new AssetRepository(this.db).tag(actor.orgId, tagId);
    if (!tag) throw new NotFoundError("tag", tagId);
    return tag;
  }

  async latestOfDevice(actor: Actor, deviceId: string): Promise<{ items: LatestValue[] }> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const repo = new AssetRepository(this.db);
    const device = await repo.device(actor.orgId, deviceId);
    if (!device) throw new NotFoundError("device", deviceId);
    const tags = (await repo.tree(actor.orgId)).tags.filter((t) => t.deviceId === deviceId);
    return { items: await this.latestOf(actor.orgId, deviceId, tags) };
  }

  async latestOfTag(actor: Actor, tagId: string): Promise<LatestValue> {
    const tag = await this.tag(actor, tagId);
    const [item] = await this.latestOf(actor.orgId, tag.deviceId, [tag]);
    return item;
  }

  private async latestOf(orgId: string, deviceId: string, tags: TagRow[]): Promise<LatestValue[]> {
    const rows = await new QueryRepository(this.db).latest(
      orgId,
      deviceId,
      tags.map((t) => t.id),
    );
    const byTag = new Map(rows.map((r) => [r.tag_id, r]));
    return tags.map((t) => {
      const r = byTag.get(t.id);
      return {
        tagId: t.id,
        key: t.key,
        ts: r ? iso(r.last_ts) : null,
        value: r ? toValue(t.dataType, r.last_num, r.last_str) : null,
      };
    });
  }

  async range(actor: Actor, tagId: string, q: RangeQuery): Promise<RangeResult> {
    const tag = await this.tag(actor, tagId);
    const to = q.to ? new Date(q.to) : this.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 3_600_000);
    if (to.getTime() <= from.getTime()) throw ValidationError.field("to", "must be after from");
    if (to.getTime() - from.getTime() > RANGE_MAX_MS)
      throw ValidationError.field("from", "range is longer than 5 years");
    const tier =
      q.tier === "auto"
        ? chooseTier(from.getTime(), to.getTime(), this.now().getTime(), this.settings.retentionDays)
        : q.tier;
    const rows = await new QueryRepository(this.db).range(
      tier,
      { orgId: actor.orgId, deviceId: tag.deviceId, tagId: tag.id },
      from,
      to,
      RANGE_MAX_ITEMS + 1,
    );
    const numeric = tag.dataType !== "string";
    const items = rows.slice(0, RANGE_MAX_ITEMS).map((r) => {
      const count = Number(r.count);
      return {
        ts: iso(r.ts),
        min: numeric ? r.min : null,
        max: numeric ? r.max : null,
        mean: numeric && r.sum !== null && count > 0 ? r.sum / count : null,
        count,
        last: toValue(tag.dataType, r.last_num, r.last_str),
      };
    });
    return {
      tagId,
      tier,
      from: from.toISOString(),
      to: to.toISOString(),
      items,
      truncated: rows.length > RANGE_MAX_ITEMS,
    };
  }
}
