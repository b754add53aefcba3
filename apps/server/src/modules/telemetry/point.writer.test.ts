import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { IDS, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { DEFAULT_TELEMETRY_SETTINGS } from "./telemetry.settings.ts";
import { TelemetryStorage } from "./telemetry.storage.ts";
import { createTestDevice, type TestDevice } from "./telemetry.test-support.ts";

const NOW = Date.parse("2026-12-07T10:00:30.000Z");
const MIN = 60_000;

describeEachDatabase("telemetry point writer", (getDb) => {
  let storage: TelemetryStorage;
  let dev: TestDevice;
  let other: TestDevice;
  const rows = async <R>(q: ReturnType<typeof sql>) =>
    ((await getDb().db.execute(q)) as unknown as { rows: R[] }).rows;

  beforeAll(async () => {
    const { db } = getDb();
    await seedCluster(db);
    storage = new TelemetryStorage({ db, live: new LiveHub(), now: () => new Date(NOW) });
    dev = await createTestDevice(db, IDS.a, "w", [
      { key: "tension", dataType: "number", unit: "N" },
      { key: "running", dataType: "boolean" },
      { key: "state", dataType: "string" },
    ]);
    other = await createTestDevice(db, IDS.b, "wb", [{ key: "tension", dataType: "number" }]);
  });

  it("stores good points and refuses each bad one with its reason, by index", async () => {
    const result = await storage.writer.write({
      orgId: dev.orgId,
      deviceId: dev.deviceId,
      points: [
        { tag: "tension", ts: NOW - 1000, value: 1.5 },
        { tag: "nope", ts: NOW - 1000, value: 1 },
        { tag: "tension", ts: NOW - 900, value: "1.5" },
        { tag: "running", ts: NOW - 900, value: 1 },
        { tag: "state", ts: NOW - 900, value: true },
        { tag: "tension", ts: NOW - 8 * 86_400_000, value: 2 },
        { tag: "tension", ts: NOW + 6 * MIN, value: 2 },
        { tag: "tension", ts: Number.NaN, value: 2 },
        { tag: "running", ts: NOW - 800, value: true },
        { tag: "state", ts: NOW - 800, value: "run" },
        { tag: "tension", ts: NOW - 700, value: Number.POSITIVE_INFINITY },
        { tag: "tension", ts: NOW + 4 * MIN, value: 3 },
      ],
    });
    expect(result).toEqual({
      stored: 4,
      duplicates: 0,
      refused: [
        { index: 1, reason: "unknown_tag" },
        { index: 2, reason: "wrong_type" },
        { index: 3, reason: "wrong_type" },
        { index: 4, reason: "wrong_type" },
        { index: 5, reason: "timestamp_out_of_range" },
        { index: 6, reason: "timestamp_out_of_range" },
        { index: 7, reason: "timestamp_out_of_range" },
        { index: 10, reason: "wrong_type" },
      ],
    });
    const stored = await rows<{
      tag_id: string;
      num: number | null;
      bool: boolean | null;
      str: string | null;
    }>(sql`SELECT tag_id, num, bool, str FROM tel_points WHERE org_id = ${IDS.a} ORDER BY ts, tag_id`);
    expect(stored).toEqual([
      { tag_id: dev.tagIds.tension, num: 1.5, bool: null, str: null },
      { tag_id: dev.tagIds.running, num: null, bool: true, str: null },
      { tag_id: dev.tagIds.state, num: null, bool: null, str: "run" },
      { tag_id: dev.tagIds.tension, num: 3, bool: null, str: null },
    ]);
  });

  it("refuses every point of an unknown device, and of a device of another org named under mine", async () => {
    const points = [{ tag: "tension", ts: NOW, value: 1 }];
    for (const batch of [
      { orgId: IDS.a, deviceId: "no-such-device", points },
      { orgId: IDS.a, deviceId: other.deviceId, points },
    ]) {
      expect(await storage.writer.write(batch)).toEqual({
        stored: 0,
        duplicates: 0,
        refused: [{ index: 0, reason: "unknown_device" }],
      });
    }
    const inB = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tel_points WHERE org_id = ${IDS.b}`,
    );
    expect(inB[0].n).toBe(0);
  });

  it("counts a redelivered batch as duplicates, stores nothing twice and leaves the rollups alone", async () => {
    const batch = {
      orgId: dev.orgId,
      deviceId: dev.deviceId,
      points: [
        { tag: "tension", ts: NOW - 20 * MIN, value: 10 },
        { tag: "tension", ts: NOW - 20 * MIN + 1000, value: 20 },
        // the same (tag, ts) twice in one batch: the second is a duplicate too
        { tag: "tension", ts: NOW - 20 * MIN + 1000, value: 99 },
      ],
    };
    expect(await storage.writer.write(batch)).toEqual({ stored: 2, duplicates: 1, refused: [] });
    const rollupBefore = await rows(
      sql`SELECT * FROM tel_rollup_1m WHERE tag_id = ${dev.tagIds.tension} ORDER BY bucket`,
    );
    expect(await storage.writer.write(batch)).toEqual({ stored: 0, duplicates: 3, refused: [] });
    const rollupAfter = await rows(
      sql`SELECT * FROM tel_rollup_1m WHERE tag_id = ${dev.tagIds.tension} ORDER BY bucket`,
    );
    expect(rollupAfter).toEqual(rollupBefore);
    const n = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tel_points WHERE tag_id = ${dev.tagIds.tension} AND ts < ${new Date(NOW - 10 * MIN).toISOString()}::timestamptz`,
    );
    expect(n[0].n).toBe(2);
  });

  it("keeps 1-minute and 1-hour rollups (min, max, sum, count, last) across batches and out-of-order points", async () => {
    const t0 = Date.parse("2026-12-07T09:10:00.000Z");
    const w = (points: { ts: number; value: number }[]) =>
      storage.writer.write({
        orgId: dev.orgId,
        deviceId: dev.deviceId,
        points: points.map((p) => ({ tag: "tension", ...p })),
      });
    await w([
      { ts: t0 + 5_000, value: 4 },
      { ts: t0 + 50_000, value: 8 },
      { ts: t0 + 61_000, value: 1 },
    ]);
    // a late point inside the first minute, older than its last: min/max/sum/count change, last does not
    await w([
      { ts: t0 + 1_000, value: -2 },
      { ts: t0 + 25 * MIN, value: 7 },
    ]);
    const m = await rows<{
      bucket: Date;
      min: number;
      max: number;
      sum: number;
      count: number;
      last_num: number;
    }>(
      sql`SELECT bucket, min, max, sum, count, last_num FROM tel_rollup_1m
          WHERE tag_id = ${dev.tagIds.tension} AND bucket >= ${new Date(t0).toISOString()}::timestamptz
            AND bucket < ${new Date(t0 + 30 * MIN).toISOString()}::timestamptz ORDER BY bucket`,
    );
    expect(m.map((r) => ({ ...r, bucket: new Date(r.bucket).toISOString() }))).toEqual([
      { bucket: "2026-12-07T09:10:00.000Z", min: -2, max: 8, sum: 10, count: 3, last_num: 8 },
      { bucket: "2026-12-07T09:11:00.000Z", min: 1, max: 1, sum: 1, count: 1, last_num: 1 },
      { bucket: "2026-12-07T09:35:00.000Z", min: 7, max: 7, sum: 7, count: 1, last_num: 7 },
    ]);
    const h = await rows<{ min: number; max: number; sum: number; count: number; last_num: number }>(
      sql`SELECT min, max, sum, count, last_num FROM tel_rollup_1h
          WHERE tag_id = ${dev.tagIds.tension} AND bucket = ${"2026-12-07T09:00:00.000Z"}::timestamptz`,
    );
    // the hour 09:00 also holds the redelivery test's two points (09:40:30 and 09:40:31)
    expect(h[0]).toMatchObject({ min: -2, max: 20, count: 7 });
    expect(h[0].sum).toBeCloseTo(10 + 1 + 7 + 10 + 20, 9);
  });

  it("records the device's last-seen time with the write", async () => {
    const d = await rows<{ last_seen_at: Date | null }>(
      sql`SELECT last_seen_at FROM tel_devices WHERE org_id = ${IDS.a} AND id = ${dev.deviceId}`,
    );
    expect(new Date(d[0].last_seen_at ?? 0).getTime()).toBe(NOW);
  });

  it("rejects (does not resolve) when the database fails, so ingest does not acknowledge", async () => {
    const broken = new TelemetryStorage({
      db: getDb().db,
      live: new LiveHub(),
      now: () => new Date(NOW),
      settings: DEFAULT_TELEMETRY_SETTINGS,
    });
    // Break the one statement half-way (its rollup table is gone): the point insert must roll back.
    await getDb().db.execute(sql`ALTER TABLE tel_rollup_1h RENAME TO tel_rollup_1h_away`);
    try {
      await expect(
        broken.writer.write({
          orgId: dev.orgId,
          deviceId: dev.deviceId,
          points: [{ tag: "tension", ts: NOW - 5, value: 1 }],
        }),
      ).rejects.toThrow();
    } finally {
      await getDb().db.execute(sql`ALTER TABLE tel_rollup_1h_away RENAME TO tel_rollup_1h`);
    }
    // nothing of the failed statement was committed
    const n = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tel_points WHERE tag_id = ${dev.tagIds.tension} AND ts = ${new Date(NOW - 5).toISOString()}::timestamptz`,
    );
    expect(n[0].n).toBe(0);
  });
});
