import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { telemetryStorage } from "./telemetry.storage.ts";

async function workbook(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("assets");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describeEachDatabase("telemetry API: assets, credentials, latest and range", (getDb) => {
  let app: FastifyInstance;
  let owner: Session;
  let member: Session;
  let viewer: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    owner = await login(app, EMAILS.aOwner);
    member = await login(app, EMAILS.aMember);
    viewer = await login(app, EMAILS.aViewer);
  });
  afterAll(() => app.close());

  const ok = async (s: Session, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown) => {
    const res = await call(app, s, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  it("builds site → line → machine → device → tag and lists it as my tree", async () => {
    ids.site = (await ok(member, "POST", "/api/v1/telemetry/sites", { name: "嘉兴一厂" })).id;
    ids.line = (
      await ok(member, "POST", "/api/v1/telemetry/lines", { siteId: ids.site, name: "绕线一线" })
    ).id;
    ids.machine = (
      await ok(member, "POST", "/api/v1/telemetry/machines", {
        lineId: ids.line,
        name: "绕线机 1",
        processType: "coil_winding",
      })
    ).id;
    ids.device = (
      await ok(member, "POST", "/api/v1/telemetry/devices", { machineId: ids.machine, name: "PLC-1" })
    ).id;
    const tag = await ok(member, "POST", "/api/v1/telemetry/tags", {
      deviceId: ids.device,
      key: "tension",
      unit: "N",
      dataType: "number",
      low: 1,
      high: 3,
      spc: { enabled: true, subgroupSize: 5 },
    });
    ids.tag = tag.id;
    expect(tag).toMatchObject({ samplingMs: 1000, low: 1, high: 3, spc: { enabled: true, subgroupSize: 5 } });
    const tree = await ok(viewer, "GET", "/api/v1/telemetry/assets");
    expect(tree.sites.map((s: { name: string }) => s.name)).toEqual(["嘉兴一厂"]);
    expect(tree.machines[0].processType).toBe("coil_winding");
    expect(tree.devices[0]).toMatchObject({
      id: ids.device,
      online: false,
      lastSeenAt: null,
      username: null,
    });
  });

  it("refuses bad input with 400 by field, a duplicate name with 409, a viewer with 403", async () => {
    const bad = await call(app, member, "POST", "/api/v1/telemetry/tags", {
      deviceId: ids.device,
      key: "bad key!",
      dataType: "decimal",
      low: 5,
      high: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("key");
    const dupe = await call(app, member, "POST", "/api/v1/telemetry/sites", { name: "嘉兴一厂" });
    expect(dupe.statusCode).toBe(409);
    const machine = await call(app, member, "POST", "/api/v1/telemetry/machines", {
      lineId: ids.line,
      name: "x",
      processType: "welding",
    });
    expect(machine.statusCode).toBe(400);
    expect((await call(app, viewer, "POST", "/api/v1/telemetry/sites", { name: "v" })).statusCode).toBe(403);
    const patched = await ok(member, "PATCH", `/api/v1/telemetry/tags/${ids.tag}`, { high: 4 });
    expect(patched.high).toBe(4);
    expect(
      (await call(app, member, "PATCH", `/api/v1/telemetry/tags/${ids.tag}`, { low: 9 })).statusCode,
    ).toBe(400);
  });

  it("issues a credential once (owner/admin only), authenticates it, rotates and revokes it", async () => {
    const url = `/api/v1/telemetry/devices/${ids.device}/credential`;
    expect((await call(app, member, "POST", url)).statusCode).toBe(403);
    const issued = await ok(owner, "POST", url);
    expect(issued.password.length).toBeGreaterThanOrEqual(24);
    const storage = telemetryStorage({ db: getDb().db, live: new LiveHub(), now: () => new Date() });
    expect(await storage.authenticator.authenticate(issued.username, issued.password)).toEqual({
      orgId: IDS.a,
      deviceId: ids.device,
    });
    const tree = await ok(owner, "GET", "/api/v1/telemetry/assets");
    expect(JSON.stringify(tree)).not.toContain(issued.password);
    expect(tree.devices[0].username).toBe(issued.username);
    const rotated = await ok(owner, "POST", url);
    expect(await storage.authenticator.authenticate(issued.username, issued.password)).toBeNull();
    expect(await storage.authenticator.authenticate(rotated.username, rotated.password)).not.toBeNull();
    await ok(owner, "DELETE", url);
    expect(await storage.authenticator.authenticate(rotated.username, rotated.password)).toBeNull();
    expect((await call(app, owner, "DELETE", url)).statusCode).toBe(404);
    const audit = await ok(owner, "GET", "/api/v1/audit?pageSize=50");
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "telemetry.credential.issue",
        "telemetry.credential.rotate",
        "telemetry.credential.revoke",
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(rotated.password);
  });

  it("answers latest values and ranges from the tier the range length picks (or the one named)", async () => {
    const storage = telemetryStorage({ db: getDb().db, live: new LiveHub(), now: () => new Date() });
    const now = Date.now();
    const minute = 60_000;
    const base = Math.floor((now - 90 * minute) / 3_600_000) * 3_600_000; // an hour boundary ≥ 90 min ago
    const points = Array.from({ length: 60 }, (_, i) => ({
      tag: "tension",
      ts: base + i * 30_000,
      value: i % 2 ? 2 : 1,
    }));
    expect((await storage.writer.write({ orgId: IDS.a, deviceId: ids.device, points })).stored).toBe(60);
    const latest = await ok(viewer, "GET", `/api/v1/telemetry/tags/${ids.tag}/latest`);
    expect(latest).toEqual({
      tagId: ids.tag,
      key: "tension",
      ts: new Date(base + 59 * 30_000).toISOString(),
      value: 2,
    });
    const all = await ok(viewer, "GET", `/api/v1/telemetry/devices/${ids.device}/latest`);
    expect(all.items).toEqual([latest]);

    const q = (from: number, to: number, tier = "auto") =>
      ok(
        viewer,
        "GET",
        `/api/v1/telemetry/tags/${ids.tag}/range?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&tier=${tier}`,
      );
    const raw = await q(base, base + 30 * minute);
    expect(raw.tier).toBe("raw");
    expect(raw.items).toHaveLength(60);
    expect(raw.items[1]).toMatchObject({ min: 2, max: 2, mean: 2, count: 1, last: 2 });
    const perMinute = await q(base - 6 * 3_600_000, base + 30 * minute);
    expect(perMinute.tier).toBe("1m");
    expect(perMinute.items).toHaveLength(30);
    expect(perMinute.items[0]).toMatchObject({
      ts: new Date(base).toISOString(),
      min: 1,
      max: 2,
      mean: 1.5,
      count: 2,
      last: 2,
    });
    const hourly = await q(base - 10 * 86_400_000, base + 3_600_000);
    expect(hourly.tier).toBe("1h");
    expect(hourly.items).toEqual([
      { ts: new Date(base).toISOString(), min: 1, max: 2, mean: 1.5, count: 60, last: 2 },
    ]);
    const named = await q(base, base + 30 * minute, "1h");
    expect(named.tier).toBe("1h");
    const inverted = await call(
      app,
      viewer,
      "GET",
      `/api/v1/telemetry/tags/${ids.tag}/range?from=${new Date(now).toISOString()}&to=${new Date(now - 1000).toISOString()}`,
    );
    expect(inverted.statusCode).toBe(400);
  });

  it("imports an asset tree from .xlsx, reporting every bad cell by row and column and writing nothing then", async () => {
    const header = [
      "site",
      "line",
      "machine",
      "processType",
      "device",
      "tag",
      "unit",
      "dataType",
      "low",
      "high",
      "samplingMs",
    ];
    const bad = await workbook([
      header,
      ["二厂", "SMT-1", "贴片机", "贴片", "NXT-1", "placement_rate", "cph", "number", 0, 90000, 1000],
      ["二厂", "SMT-1", "回流炉", "welding", "RF-1", "zone1/temp", "°C", "number", "low", 260, 1000],
      ["二厂", "SMT-1", "回流炉", "回流焊", "RF-1", "zone1/temp", "°C", "数值", 5, 1, 0],
      ["二厂", "SMT-1", "贴片机", "贴片", "NXT-1", "placement_rate", "cph", "number", "", "", ""],
    ]);
    const report = await ok(member, "POST", "/api/v1/telemetry/assets/import", { contentBase64: bad });
    expect(report.committed).toBe(false);
    expect(
      report.issues.map(
        (i: { row: number; column: string; code: string }) => `${i.row}:${i.column}:${i.code}`,
      ),
    ).toEqual([
      "3:processType:INVALID_VALUE",
      "3:low:INVALID_VALUE",
      "4:low:INVALID_VALUE",
      "4:samplingMs:INVALID_VALUE",
      "5:tag:DUPLICATE_IN_FILE",
    ]);
    let tree = await ok(member, "GET", "/api/v1/telemetry/assets");
    expect(tree.sites.map((s: { name: string }) => s.name)).toEqual(["嘉兴一厂"]);

    const good = await workbook([
      ["厂区", "产线", "设备机台", "工艺类型", "采集终端", "测点", "单位", "数据类型", "下限", "上限"],
      ["二厂", "SMT-1", "贴片机", "贴片", "NXT-1", "placement_rate", "cph", "number", 0, 90000],
      ["二厂", "SMT-1", "回流炉", "reflow", "RF-1", "zone1/temp", "°C", "数值", 230, 250],
      ["二厂", "SMT-1", "回流炉", "reflow", "RF-1", "conveyor_running", "", "开关", "", ""],
    ]);
    const dry = await ok(member, "POST", "/api/v1/telemetry/assets/import", {
      contentBase64: good,
      dryRun: true,
    });
    expect(dry).toMatchObject({
      committed: false,
      issues: [],
      created: { sites: 1, lines: 1, machines: 2, devices: 2, tags: 3 },
    });
    const done = await ok(member, "POST", "/api/v1/telemetry/assets/import", { contentBase64: good });
    expect(done).toMatchObject({ committed: true, issues: [], created: { sites: 1, tags: 3 } });
    tree = await ok(member, "GET", "/api/v1/telemetry/assets");
    expect(tree.tags.map((t: { key: string }) => t.key).sort()).toEqual([
      "conveyor_running",
      "placement_rate",
      "tension",
      "zone1/temp",
    ]);
    const again = await ok(member, "POST", "/api/v1/telemetry/assets/import", { contentBase64: good });
    expect(again.issues.map((i: { code: string }) => i.code)).toEqual([
      "ALREADY_EXISTS",
      "ALREADY_EXISTS",
      "ALREADY_EXISTS",
    ]);
    const notXlsx = await call(app, member, "POST", "/api/v1/telemetry/assets/import", {
      contentBase64: Buffer.from("site,line\n").toString("base64"),
    });
    expect(notXlsx.statusCode).toBe(400);
  });

  it("deletes a device with its tags, points and rollups", async () => {
    await ok(member, "DELETE", `/api/v1/telemetry/devices/${ids.device}`);
    expect((await call(app, viewer, "GET", `/api/v1/telemetry/tags/${ids.tag}/latest`)).statusCode).toBe(404);
    const { sql } = await import("drizzle-orm");
    const left = (await getDb().db.execute(
      sql`SELECT (SELECT count(*) FROM tel_points WHERE tag_id = ${ids.tag})::int + (SELECT count(*) FROM tel_rollup_1m WHERE tag_id = ${ids.tag})::int AS n`,
    )) as unknown as { rows: { n: number }[] };
    expect(left.rows[0].n).toBe(0);
  });
});
