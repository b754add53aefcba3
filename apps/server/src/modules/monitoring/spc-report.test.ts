import type { JobDetail, SpcChart } from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pdfText } from "../../reports/pdf-text.test-support.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { finished, jobsApp, waitForJob } from "../jobs/job.test-support.ts";
import { LiveHub } from "../live/live.hub.ts";
import { existingTelemetryStorage, telemetryStorage } from "../telemetry/telemetry.storage.ts";
import { createTestDevice } from "../telemetry/telemetry.test-support.ts";

const MIN = 60_000;

describeEachDatabase("SPC report export: the tab's chart as PDF and .xlsx, as a job", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let tagId: string;
  let chart: SpcChart;
  let job: JobDetail;

  beforeAll(async () => {
    const db = getDb().db;
    await seedCluster(db);
    app = await jobsApp(db);
    const dev = await createTestDevice(db, IDS.a, "spcx", [
      { key: "线宽", dataType: "number", unit: "mm", low: 0, high: 12 },
    ]);
    tagId = Object.values(dev.tagIds)[0];
    const storage =
      existingTelemetryStorage(db) ?? telemetryStorage({ db, live: new LiveHub(), now: () => new Date() });
    // 60 readings alternating 5 / 7, then one at 20: a rule-1 violation at the last index.
    const t0 = Date.now() - 2 * 3_600_000;
    const values = [...Array.from({ length: 60 }, (_v, i) => (i % 2 === 0 ? 5 : 7)), 20];
    const r = await storage.writer.write({
      orgId: IDS.a,
      deviceId: dev.deviceId,
      points: values.map((value, i) => ({ tag: "线宽", ts: t0 + i * MIN, value })),
    });
    expect(r.refused).toEqual([]);
    a = await login(app, EMAILS.aMember);
    chart = (await call(app, a, "GET", `/api/v1/monitoring/tags/${tagId}/spc?hours=24`)).json();
    const started = await call(app, a, "POST", `/api/v1/monitoring/tags/${tagId}/spc/report`, {
      hours: 24,
      lang: "zh",
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().kind).toBe("document");
    job = await waitForJob(app, a, started.json().id, finished, 90_000);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it("the PDF is Chinese and carries the screen's limits, capability and violation", async () => {
    expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
    expect(chart.violations).toContainEqual({ index: 60, rule: 1 });
    const res = await call(app, a, "GET", `/api/v1/reports/${job.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    expect(res.headers["content-disposition"]).toContain(".pdf");
    const flat = (await pdfText(new Uint8Array(res.rawPayload))).replace(/\s+/g, "");
    expect(flat).toContain("SPC报告：线宽");
    expect(flat).toContain("规则1：1点超出3σ");
    expect(flat).toContain("61个读数");
    const cpk = chart.capability?.cpk.estimate;
    expect(cpk).toBeDefined();
    expect(flat).toContain(`Cpk${(cpk ?? 0).toFixed(2)}`);
    expect(flat).toContain(`UCL${(chart.limits?.ucl ?? 0).toPrecision(4)}`);
    // Nothing of the other language in a Chinese report beyond the symbols (SPC, UCL, Cpk …).
    expect(flat).not.toMatch(/Readings|Summary|Rule violations/);
  });

  it("the workbook holds every reading as a number and the violation with its rule", async () => {
    const res = await call(app, a, "GET", `/api/v1/reports/${job.id}/xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const readings = wb.getWorksheet("读数");
    const violations = wb.getWorksheet("规则违反");
    if (!readings || !violations) throw new Error(`sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
    const values: number[] = [];
    readings.eachRow((row, n) => {
      const v = row.getCell(2).value;
      if (n > 1 && typeof v === "number") values.push(v);
    });
    expect(values).toEqual(chart.points.map((p) => p.value));
    expect(violations.getRow(3).getCell(2).value).toBe(20);
    expect(String(violations.getRow(3).getCell(3).value)).toContain("规则1");
  });

  it("another firm gets 404 for the files and for the tag; an unknown tag is 404; a bad range 400", async () => {
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, b, "GET", `/api/v1/reports/${job.id}/pdf`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `/api/v1/reports/${job.id}/xlsx`)).statusCode).toBe(404);
    expect(
      (await call(app, b, "POST", `/api/v1/monitoring/tags/${tagId}/spc/report`, { hours: 24 })).statusCode,
    ).toBe(404);
    expect(
      (await call(app, a, "POST", "/api/v1/monitoring/tags/no-such-tag/spc/report", { hours: 24 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(app, a, "POST", `/api/v1/monitoring/tags/${tagId}/spc/report`, { hours: 0 })).statusCode,
    ).toBe(400);
  });
});
