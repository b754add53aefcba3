import { sql } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import * as secrets from "../../auth/secrets.ts";
import { IDS, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { AssetRepository } from "./asset.repository.ts";
import { issueDeviceCredential } from "./device-credential.issuer.ts";
import { maintainTelemetryStorage } from "./partition.maintenance.ts";
import { PartitionRepository } from "./partition.repository.ts";
import { DEFAULT_TELEMETRY_SETTINGS } from "./telemetry.settings.ts";
import { TelemetryStorage } from "./telemetry.storage.ts";
import { createTestDevice, type TestDevice } from "./telemetry.test-support.ts";

const NOW = Date.parse("2026-12-07T10:00:00.000Z");
const DAY = 86_400_000;

describeEachDatabase("telemetry storage: credentials, connection state, partitions, keys", (getDb) => {
  let storage: TelemetryStorage;
  let dev: TestDevice;
  const rows = async <R>(q: ReturnType<typeof sql>) =>
    ((await getDb().db.execute(q)) as unknown as { rows: R[] }).rows;

  beforeAll(async () => {
    const { db } = getDb();
    await seedCluster(db);
    storage = new TelemetryStorage({ db, live: new LiveHub(), now: () => new Date(NOW) });
    dev = await createTestDevice(db, IDS.a, "s", [{ key: "temp", dataType: "number" }]);
  });

  it("every telemetry table's primary and unique keys include org_id (distributable by org)", async () => {
    const keys = await rows<{ table: string; name: string; type: string; cols: string[] }>(sql`
      SELECT t.relname AS table, c.conname AS name, c.contype AS type,
        ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS cols
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relname LIKE 'tel\\_%' AND t.relnamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u')`);
    const tables = new Set(keys.map((k) => k.table));
    for (const t of [
      "tel_sites",
      "tel_lines",
      "tel_machines",
      "tel_devices",
      "tel_device_credentials",
      "tel_tags",
      "tel_points",
      "tel_points_default",
      "tel_rollup_1m",
      "tel_rollup_1h",
    ])
      expect(tables).toContain(t);
    expect(keys.filter((k) => !k.cols.includes("org_id")).map((k) => `${k.table}.${k.name}`)).toEqual([]);
    // every unique index too (not only constraints)
    const indexes = await rows<{ name: string; def: string }>(sql`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename LIKE 'tel\\_%' AND indexdef LIKE 'CREATE UNIQUE%'`);
    expect(indexes.length).toBeGreaterThan(5);
    expect(indexes.filter((i) => !i.def.includes("org_id")).map((i) => i.name)).toEqual([]);
  });

  it("authenticates an issued credential, verifies argon2 once per pair, and drops it on rotate and revoke", async () => {
    const issued = await issueDeviceCredential(
      getDb().db,
      storage.authenticator,
      IDS.a,
      dev.deviceId,
      new Date(NOW),
    );
    expect(issued.username).toMatch(/^dev-/);
    const stored = await new AssetRepository(getDb().db).credential(IDS.a, dev.deviceId);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(issued.password);

    const verify = vi.spyOn(secrets, "verifyPassword");
    try {
      const who = { orgId: IDS.a, deviceId: dev.deviceId };
      expect(await storage.authenticator.authenticate(issued.username, issued.password)).toEqual(who);
      expect(await storage.authenticator.authenticate(issued.username, issued.password)).toEqual(who);
      expect(await storage.authenticator.authenticate(issued.username, issued.password)).toEqual(who);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(await storage.authenticator.authenticate(issued.username, "wrong")).toBeNull();
      expect(await storage.authenticator.authenticate(issued.username, "wrong")).toBeNull();
      expect(verify).toHaveBeenCalledTimes(2);
      expect(await storage.authenticator.authenticate("dev-nobody", issued.password)).toBeNull();

      const rotated = await issueDeviceCredential(
        getDb().db,
        storage.authenticator,
        IDS.a,
        dev.deviceId,
        new Date(NOW),
      );
      expect(rotated.username).toBe(issued.username);
      expect(rotated.password).not.toBe(issued.password);
      expect(await storage.authenticator.authenticate(issued.username, issued.password)).toBeNull();
      expect(await storage.authenticator.authenticate(rotated.username, rotated.password)).toEqual(who);

      await new AssetRepository(getDb().db).revokeCredential(IDS.a, dev.deviceId, new Date(NOW));
      storage.authenticator.invalidate(rotated.username);
      expect(await storage.authenticator.authenticate(rotated.username, rotated.password)).toBeNull();
    } finally {
      verify.mockRestore();
    }
  });

  it("markDeviceConnection sets online and the time of the change, in the device's org only", async () => {
    expect(await storage.markDeviceConnection(IDS.a, dev.deviceId, true)).toBe(true);
    expect(await storage.markDeviceConnection(IDS.b, dev.deviceId, true)).toBe(false);
    let d = await new AssetRepository(getDb().db).device(IDS.a, dev.deviceId);
    expect(d).toMatchObject({ online: true, connectionChangedAt: new Date(NOW) });
    await storage.markDeviceConnection(IDS.a, dev.deviceId, false);
    d = await new AssetRepository(getDb().db).device(IDS.a, dev.deviceId);
    expect(d?.online).toBe(false);
  });

  it("creates day partitions ahead, moves rows out of the default partition, drops days past retention", async () => {
    const db = getDb().db;
    // A point written before its day's partition existed lands in the default partition.
    await storage.writer.write({
      orgId: IDS.a,
      deviceId: dev.deviceId,
      points: [{ tag: "temp", ts: NOW - 2 * DAY, value: 1 }],
    });
    const report = await maintainTelemetryStorage(db, DEFAULT_TELEMETRY_SETTINGS, new Date(NOW));
    expect(report.created).toBe(10); // 7 retained days back, today, 2 ahead
    const parts = await new PartitionRepository(db).dayPartitions();
    expect(parts[0]).toBe("tel_points_p20261130");
    expect(parts.at(-1)).toBe("tel_points_p20261209");
    const where = await rows<{ part: string }>(
      sql`SELECT tableoid::regclass::text AS part FROM tel_points WHERE org_id = ${IDS.a}`,
    );
    expect(where.map((w) => w.part.replace(/^.*\./, ""))).toEqual(["tel_points_p20261205"]);
    // idempotent
    expect((await maintainTelemetryStorage(db, DEFAULT_TELEMETRY_SETTINGS, new Date(NOW))).created).toBe(0);
    // ten days later: the old days are dropped, new ones created
    const later = await maintainTelemetryStorage(db, DEFAULT_TELEMETRY_SETTINGS, new Date(NOW + 10 * DAY));
    expect(later.dropped).toContain("tel_points_p20261205");
    const left = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tel_points WHERE org_id = ${IDS.a}`,
    );
    expect(left[0].n).toBe(0);
  });
});
