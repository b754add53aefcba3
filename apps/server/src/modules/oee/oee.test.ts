import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documentHtml } from "../../reports/document.render.ts";
import { htmlToPdf } from "../../reports/html-to-pdf.ts";
import { pdfText } from "../../reports/pdf-text.test-support.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { AssetRepository } from "../telemetry/asset.repository.ts";
import { existingTelemetryStorage } from "../telemetry/telemetry.storage.ts";
import { createTestDevice } from "../telemetry/telemetry.test-support.ts";
import { oeeIngest } from "./oee.routes.ts";
import { oeeReportDocument, oeeTables } from "./oee.sheet.ts";

// 2026-12-07 08:00 China time = 00:00 UTC: the day shift starts. Times below are minutes after it.
const T0 = Date.parse("2026-12-07T00:00:00.000Z");
const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;
const NOW = at(240);
const iso = (minutes: number) => new Date(at(minutes)).toISOString();
const range = `from=${encodeURIComponent(iso(0))}&to=${encodeURIComponent(iso(240))}`;

describeEachDatabase("OEE store and report (hand-computed cases)", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  const lineId = "oee-a-line";
  const m1 = "oee-a-machine";
  const m2 = "oee-a-m2";

  const write = async (deviceId: string, points: { tag: string; ts: number; value: number | string }[]) => {
    const storage = existingTelemetryStorage(getDb().db);
    if (!storage) throw new Error("no telemetry storage");
    const r = await storage.writer.write({ orgId: IDS.a, deviceId, points });
    expect(r.refused).toEqual([]);
    await oeeIngest({ db: getDb().db, now: () => new Date(NOW) }).flush();
  };
  const report = async (s: Session, query: string) => {
    const res = await call(app, s, "GET", `/api/v1/oee/report?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const { db } = getDb();
    await seedCluster(db);
    app = await testApp(db, { now: () => new Date(NOW) });
    a = await login(app, EMAILS.aOwner);
    // Machine 1: state, reason, good and reject counters; ideal cycle 30 s from master data.
    const d1 = await createTestDevice(db, IDS.a, "oee-a", [
      { key: "state", dataType: "string" },
      { key: "state_reason", dataType: "string" },
      { key: "good_count", dataType: "number" },
      { key: "reject_count", dataType: "number" },
    ]);
    // Machine 2 on the same line: a state tag and one total counter (all good); cycle 60 s from a tag.
    const repo = new AssetRepository(db);
    await repo.insertMachine({ orgId: IDS.a, id: m2, lineId, name: "oee m2", processType: "moulding" });
    await repo.insertDevice({ orgId: IDS.a, id: "oee-a-d2", machineId: m2, name: "d2" });
    for (const [key, dataType] of [
      ["state", "string"],
      ["total_count", "number"],
      ["ideal_cycle_s", "number"],
    ] as const)
      await repo.insertTag({
        orgId: IDS.a,
        id: `oee-a-d2-${key}`,
        deviceId: "oee-a-d2",
        key,
        dataType,
        spc: { enabled: false },
      });
    const put = await call(app, a, "PUT", `/api/v1/oee/machines/${m1}/settings`, {
      idealCycleSeconds: 30,
      stateTag: null,
      reasonTag: null,
      goodTag: null,
      rejectTag: null,
      totalTag: null,
      idealCycleTag: null,
    });
    expect(put.statusCode, put.body).toBe(200);

    const s = (m: number, state: string, reason = "") => [
      { tag: "state", ts: at(m), value: state },
      { tag: "state_reason", ts: at(m), value: reason },
    ];
    await write(d1.deviceId, [
      ...s(0, "run"),
      { tag: "good_count", ts: at(0), value: 1000 },
      { tag: "reject_count", ts: at(0), value: 5 },
      ...s(60, "down", "jam"),
      ...s(80, "run"),
      { tag: "good_count", ts: at(120), value: 1150 },
      { tag: "reject_count", ts: at(120), value: 15 },
    ]);
    // A second delivery: the rest of the shift (a plain continuation of the counters).
    await write(d1.deviceId, [
      ...s(120, "planned_stop", "break"),
      ...s(150, "run"),
      ...s(180, "idle", "waiting_material"),
      ...s(190, "run"),
      { tag: "good_count", ts: at(239), value: 1340 },
      { tag: "reject_count", ts: at(239), value: 25 },
    ]);
    await write("oee-a-d2", [
      { tag: "state", ts: at(0), value: "RUNNING" },
      { tag: "ideal_cycle_s", ts: at(0), value: 60 },
      { tag: "total_count", ts: at(0), value: 0 },
      { tag: "total_count", ts: at(120), value: 150 },
      // The counter was reset and counted 50 more.
      { tag: "total_count", ts: at(200), value: 50 },
    ]);
  });
  afterAll(() => app.close());

  it("one machine over 4 h: planned 210 min, run 190 (idle is a minor stop), A·P·Q as computed by hand", async () => {
    const r = await report(a, `lineId=${lineId}&machineId=${m1}&${range}`);
    // planned = 240 − 30 break; down 20 → run 190 (the 10 idle minutes count as run time).
    // good 340, rejects 20 → total 360; ideal 0.5 min → 180 min at ideal speed.
    expect(r.total.plannedMinutes).toBe(210);
    expect(r.total.runMinutes).toBe(190);
    expect(r.total.totalCount).toBe(360);
    expect(r.total.goodCount).toBe(340);
    expect(r.total.availability).toBeCloseTo(190 / 210, 12);
    expect(r.total.performance).toBeCloseTo(180 / 190, 12);
    expect(r.total.quality).toBeCloseTo(340 / 360, 12);
    expect(r.total.oee).toBeCloseTo((0.5 * 340) / 210, 12);
    expect(r.total.losses).toMatchObject({
      breakdowns: 20,
      smallStops: 10,
      reducedSpeed: 0,
      productionRejects: 10,
    });
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0]).toMatchObject({ shift: "day", start: iso(0), end: iso(240) });
    expect(r.pareto).toEqual([
      { state: "down", reason: "jam", minutes: 20, events: 1, cumulative: 0.6667 },
      { state: "idle", reason: "waiting_material", minutes: 10, events: 1, cumulative: 1 },
    ]);
    expect(r.downtime.map((d: { reason: string }) => d.reason)).toEqual(["waiting_material", "break", "jam"]);
    expect(r.downtime[2]).toMatchObject({
      state: "down",
      minutes: 20,
      source: "tag",
      start: iso(60),
      end: iso(80),
    });
  });

  it("the line combines its machines from summed times; a counter reset counts from the new reading", async () => {
    const r = await report(a, `lineId=${lineId}&${range}`);
    const m2row = r.machines.find((m: { machineId: string }) => m.machineId === m2);
    // Machine 2: runs 240 min, 150 + 50 units at 1 min (cycle from its tag) → P = 200 / 240.
    expect(m2row).toMatchObject({ idealCycleSeconds: 60, totalCount: 200, goodCount: 200, availability: 1 });
    expect(m2row.performance).toBeCloseTo(200 / 240, 12);
    // Line: planned 450, run 430, ideal time 380, fully productive 170 + 200 = 370.
    expect(r.total.plannedMinutes).toBe(450);
    expect(r.total.availability).toBeCloseTo(430 / 450, 12);
    expect(r.total.performance).toBeCloseTo(380 / 430, 12);
    // Quality weighs each unit by its ideal cycle time: (0.5 · 340 + 1 · 200) / (0.5 · 360 + 1 · 200).
    expect(r.total.quality).toBeCloseTo(370 / 380, 12);
    expect(r.total.oee).toBeCloseTo(370 / 450, 12);
    expect(r.periods[0].oee).toBeCloseTo(370 / 450, 12);
  });

  it("the line overview shows each machine's state, current-shift OEE and open alarms", async () => {
    const res = await call(app, a, "GET", "/api/v1/oee/lines");
    expect(res.statusCode, res.body).toBe(200);
    const line = res.json().items.find((l: { id: string }) => l.id === lineId);
    expect(line.shiftStart).toBe(iso(0));
    expect(line.oee).toBeCloseTo(370 / 450, 12);
    const first = line.machines.find((m: { machineId: string }) => m.machineId === m1);
    expect(first).toMatchObject({ state: "running", reason: "", since: iso(190), activeAlarms: 0 });
    expect(first.oee).toBeCloseTo(170 / 210, 12);
  });

  it("a stop entered by hand overrides the state tag over its span and is audited", async () => {
    const res = await call(app, a, "POST", "/api/v1/oee/downtime", {
      machineId: m1,
      reason: "power_dip",
      start: iso(90),
      end: iso(100),
      note: "电网波动",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: "manual", minutes: 10, state: "down" });
    const r = await report(a, `lineId=${lineId}&machineId=${m1}&${range}`);
    expect(r.total.runMinutes).toBe(180);
    expect(r.total.availability).toBeCloseTo(180 / 210, 12);
    expect(r.total.performance).toBeCloseTo(1, 12);
    expect(r.total.oee).toBeCloseTo(170 / 210, 12);
    expect(r.pareto[0]).toMatchObject({ reason: "jam", minutes: 20 });
    expect(r.pareto.find((p: { reason: string }) => p.reason === "power_dip").minutes).toBe(10);
    const audit = await call(app, a, "GET", "/api/v1/audit?action=oee.downtime_recorded");
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items).toHaveLength(1);
  });

  it("by day, the export and bad input", async () => {
    const r = await report(a, `lineId=${lineId}&by=day&${range}`);
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0].shift).toBeNull();
    const xlsx = await call(app, a, "GET", `/api/v1/oee/export?lineId=${lineId}&${range}&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["OEE trend", "Machines", "Downtime Pareto", "Stops"]);
    expect(wb.getWorksheet("Stops")?.rowCount).toBe(1 + r.downtime.length);
    const bad = await call(
      app,
      a,
      "GET",
      `/api/v1/oee/report?lineId=${lineId}&from=${encodeURIComponent(iso(10))}&to=${encodeURIComponent(iso(0))}`,
    );
    expect(bad.statusCode).toBe(400);
    const long = await call(
      app,
      a,
      "GET",
      `/api/v1/oee/report?lineId=${lineId}&from=2026-10-01T00:00:00Z&to=${encodeURIComponent(iso(0))}`,
    );
    expect(long.statusCode).toBe(400);
    const viewer = await login(app, EMAILS.aViewer);
    const denied = await call(app, viewer, "POST", "/api/v1/oee/downtime", {
      machineId: m1,
      reason: "jam",
      start: iso(0),
      end: iso(1),
    });
    expect(denied.statusCode).toBe(403);
  });

  it("the PDF report is the screen's report in one language: figures, Pareto and every stop", async () => {
    const r = await report(a, `lineId=${lineId}&${range}`);
    const doc = oeeReportDocument(r, "zh", new Date(NOW));
    // The document's tables are the workbook's, row for row.
    expect(doc.sections.map((x) => x.table?.rows)).toEqual(oeeTables(r, "zh").map((x) => x.rows));
    const { pdf } = await htmlToPdf(documentHtml(doc));
    const text = (await pdfText(new Uint8Array(pdf))).replace(/\s+/g, "");
    expect(text).toContain("OEE报告");
    expect(text).toContain("停机帕累托");
    expect(text).toContain(`OEE${((r.total.oee ?? 0) * 100).toFixed(1)}%`);
    for (const stop of r.downtime) expect(text).toContain(stop.reason.replace(/\s+/g, ""));
    expect(text).not.toMatch(/Downtime Pareto|Stops|Machines/);
  }, 60_000);

  it("another firm sees none of it: 404 for the line, the machine and a stop on it", async () => {
    const b = await login(app, EMAILS.bOwner);
    const pdf = await call(app, b, "POST", "/api/v1/oee/reports", { lineId });
    expect(pdf.statusCode).toBe(404);
    expect((await call(app, b, "GET", `/api/v1/oee/report?lineId=${lineId}`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `/api/v1/oee/machines/${m1}/settings`)).statusCode).toBe(404);
    const post = await call(app, b, "POST", "/api/v1/oee/downtime", {
      machineId: m1,
      reason: "jam",
      start: iso(0),
      end: iso(1),
    });
    expect(post.statusCode).toBe(404);
    const lines = await call(app, b, "GET", "/api/v1/oee/lines");
    expect(lines.json().items.map((l: { id: string }) => l.id)).not.toContain(lineId);
  });
});
