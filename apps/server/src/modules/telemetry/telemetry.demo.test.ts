import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { beforeAll, expect, it } from "vitest";
import { orgs } from "../../db/schema/index.ts";
import { uscc } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { AssetRepository } from "./asset.repository.ts";
import { seedDemoTelemetry } from "./telemetry.demo.ts";
import { TelemetryStorage } from "./telemetry.storage.ts";

describeEachDatabase("demo telemetry seed", (getDb) => {
  beforeAll(async () => {
    await getDb()
      .db.insert(orgs)
      .values(
        [FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY].map((id, i) => ({
          id,
          kind: "enterprise" as const,
          nameZh: `演示企业${i}`,
          nameEn: `Demo firm ${i}`,
          uscc: uscc(`91330400MA2DEMO0${i}`),
        })),
      );
  });

  it("creates the three demo shop floors and returns a working fresh credential per device, rotated on every call", async () => {
    const { db } = getDb();
    const storage = new TelemetryStorage({ db, live: new LiveHub(), now: () => new Date() });
    const first = await seedDemoTelemetry(db, { authenticator: storage.authenticator });
    expect(first.map((d) => d.orgId).sort()).toEqual(
      [...Array(4).fill(FIRM_A_KEY), ...Array(2).fill(HELIAN_KEY), ...Array(2).fill(SHIYUAN_KEY)].sort(),
    );
    const reflow = first.find((d) => d.machine.processType === "reflow");
    expect(reflow?.tags.filter((t) => /^zone\d\/temp$/.test(t.key))).toHaveLength(8);
    expect(first.find((d) => d.machine.processType === "coil_winding")?.tags.map((t) => t.key)).toEqual(
      expect.arrayContaining(["tension", "spindle_speed", "state", "state_reason"]),
    );
    for (const d of first)
      expect(await storage.authenticator.authenticate(d.username, d.password)).toEqual({
        orgId: d.orgId,
        deviceId: d.deviceId,
      });

    const second = await seedDemoTelemetry(db, { authenticator: storage.authenticator });
    expect(second.map((d) => d.deviceId)).toEqual(first.map((d) => d.deviceId));
    expect(await storage.authenticator.authenticate(first[0].username, first[0].password)).toBeNull();
    expect(await storage.authenticator.authenticate(second[0].username, second[0].password)).not.toBeNull();
    const tree = await new AssetRepository(db).tree(HELIAN_KEY);
    expect(tree.devices).toHaveLength(2);
    expect(tree.machines.map((m) => m.processType).sort()).toEqual(["reflow", "smt_placement"]);

    // A point of each demo tag type is accepted as declared.
    const d = first[0];
    const result = await storage.writer.write({
      orgId: d.orgId,
      deviceId: d.deviceId,
      points: d.tags.map((t) => ({
        tag: t.key,
        ts: Date.now(),
        value: t.dataType === "number" ? 1 : t.dataType === "boolean" ? true : "run",
      })),
    });
    expect(result).toEqual({ stored: d.tags.length, duplicates: 0, refused: [] });
  });

  it("skips firms that are not in the database (a non-demo cluster gets nothing)", async () => {
    const { db } = getDb();
    await db.delete(orgs);
    expect(await seedDemoTelemetry(db)).toEqual([]);
  });
});
