import {
  type GrowthMacro,
  type GrowthMeso,
  type GrowthMicro,
  JIAXING_SCHEMATIC,
  type JobDetail,
} from "@clusterbrain/contracts";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { grants } from "../../db/schema/index.ts";
import { pdfText } from "../../reports/pdf-text.test-support.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { finished, jobsApp, waitForJob } from "../jobs/job.test-support.ts";
import { formatCell } from "./report/report.tables.ts";

const YEAR = 2023;

describeEachDatabase(
  "growth reports: PDF with Chinese text and the dashboard's figures, .xlsx the same",
  (getDb) => {
    let app: FastifyInstance;
    let op: Session;
    let job: JobDetail;

    beforeAll(async () => {
      const db = getDb().db;
      await seedCluster(db);
      // The operator sees firms A–C through their consent (2023: three firms report, so k = 3 is met).
      await db.insert(grants).values(
        [IDS.a, IDS.b, IDS.c].flatMap((orgId) =>
          (["indicators", "relations", "equipment"] as const).map((dataClass) => ({
            id: `rep-${orgId}-${dataClass}`,
            orgId,
            granteeOrgId: IDS.operator,
            dataClass,
            purpose: "report",
            expiresAt: new Date(Date.now() + 86_400_000),
          })),
        ),
      );
      app = await jobsApp(db);
      op = await login(app, EMAILS.opAdmin);
      const started = await call(app, op, "POST", "/api/v1/growth/reports", { year: YEAR });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json().kind).toBe("report");
      job = await waitForJob(app, op, started.json().id, finished, 90_000);
    }, 120_000);

    afterAll(async () => {
      await app?.close();
    });

    it("the job succeeds with progress done; the PDF's text is Chinese and its figures are the dashboard's", async () => {
      expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
      expect(job.progress).toBe(1);
      expect(["pdf", "workbook"]).toContain(job.note);
      const res = await call(app, op, "GET", `/api/v1/growth/reports/${job.id}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("application/pdf");
      const text = await pdfText(new Uint8Array(res.rawPayload));
      // Each font chunk is its own text run, so pdf.js puts spaces between some Chinese characters.
      const flat = text.replace(/\s+/g, "");
      expect(flat).toContain("嘉兴电子产业集群运营中心");
      expect(flat).toContain("2023年集群年度报告");
      expect(flat).toContain("企业效率（DEA）");
      expect(flat).toContain("竞争力排名");

      const micro = (await call(app, op, "GET", `/api/v1/growth/micro?year=${YEAR}`)).json() as GrowthMicro;
      const meso = (await call(app, op, "GET", `/api/v1/growth/meso?year=${YEAR}`)).json() as GrowthMeso;
      const macro = (await call(app, op, "GET", `/api/v1/growth/macro?year=${YEAR}`)).json() as GrowthMacro;
      expect(micro.dea.units.length).toBe(3);
      for (const u of micro.dea.units) {
        expect(flat).toContain(u.label.replace(/\s+/g, ""));
        for (const v of [u.ccr, u.bcc, u.sbm]) expect(text).toContain(formatCell(v));
      }
      for (const u of micro.topsis.units) expect(text).toContain(formatCell(u.closeness));
      if (micro.dea.meanCcr.value !== null) expect(text).toContain(formatCell(micro.dea.meanCcr.value));
      if (meso.network.density !== null) expect(text).toContain(formatCell(meso.network.density));
      for (const c of macro.lq.cells)
        if (!c.lq.suppressed && c.lq.value !== null) expect(text).toContain(formatCell(c.lq.value));
    });

    it("the PDF carries the LISA map: its title, every schematic district drawn on it, its legend, and a chart per section", async () => {
      const res = await call(app, op, "GET", `/api/v1/growth/reports/${job.id}/pdf`);
      const flat = (await pdfText(new Uint8Array(res.rawPayload))).replace(/\s+/g, "");
      expect(flat).toContain("LISA集聚地图");
      // Districts without any firm are in no table: only the map draws them.
      for (const d of JIAXING_SCHEMATIC) expect(flat).toContain(d.nameZh);
      const macro = (await call(app, op, "GET", `/api/v1/growth/macro?year=${YEAR}`)).json() as GrowthMacro;
      const inTables = new Set(macro.lq.cells.map((c) => c.district));
      expect(JIAXING_SCHEMATIC.some((d) => !inTables.has(d.nameZh))).toBe(true);
      expect(flat).toMatch(/无数据n\/a|不显著n\.s\.|高-高HH|低-低LL|高-低HL|低-高LH/);
      for (const t of [
        "CCR效率",
        "竞争力贴近度",
        "耦合协调度Couplingcoordination",
        "区位商热力图",
        "创新溢出",
      ])
        expect(flat).toContain(t);
    });

    it("the workbook holds the same figures as numbers", async () => {
      const res = await call(app, op, "GET", `/api/v1/growth/reports/${job.id}/xlsx`);
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const micro = (await call(app, op, "GET", `/api/v1/growth/micro?year=${YEAR}`)).json() as GrowthMicro;
      const dea = book.getWorksheet("dea");
      const topsis = book.getWorksheet("topsis");
      expect(dea && topsis).toBeTruthy();
      micro.dea.units.forEach((u, i) => {
        expect(dea?.getRow(4 + i).values).toEqual([undefined, u.label, u.ccr, u.bcc, u.sbm, u.scale]);
      });
      micro.topsis.units.forEach((u, i) => {
        expect(topsis?.getRow(4 + i).values).toEqual([undefined, u.rank, u.label, u.closeness]);
      });
      // The charts are in the workbook too: the LISA map on the lisa sheet, a chart beside DEA.
      for (const key of ["lisa", "dea", "topsis"]) {
        const images = book.getWorksheet(key)?.getImages() ?? [];
        expect(images.length, key).toBe(1);
        const media = book.model.media[Number(images[0]?.imageId)] as unknown as {
          extension?: string;
          buffer?: Uint8Array;
        };
        expect(media?.extension).toBe("png");
        expect(
          Buffer.from(media?.buffer ?? [])
            .subarray(1, 4)
            .toString(),
        ).toBe("PNG");
      }
    });

    it("a firm's report is its firm report; its file is refused while the job has not succeeded", async () => {
      const a = await login(app, EMAILS.aOwner);
      const started = await call(app, a, "POST", "/api/v1/growth/reports", { year: YEAR });
      expect(started.statusCode, started.body).toBe(200);
      const early = await call(app, a, "GET", `/api/v1/growth/reports/${started.json().id}/pdf`);
      expect([200, 409]).toContain(early.statusCode);
      const done = await waitForJob(app, a, started.json().id, finished, 90_000);
      expect(done.status).toBe("succeeded");
      const result = done.result as { pdfBytes: number; xlsxBytes: number };
      const pdf = await call(app, a, "GET", `/api/v1/growth/reports/${done.id}/pdf`);
      const flat = (await pdfText(new Uint8Array(pdf.rawPayload))).replace(/\s+/g, "");
      expect(flat).toContain("嘉兴甲磁电感有限公司2023年企业发展报告");
      console.log(`report: firm PDF ${result.pdfBytes} B, xlsx ${result.xlsxBytes} B`);
    }, 120_000);

    it("another org's caller gets 404 for the files; POST /jobs cannot start a report", async () => {
      const a = await login(app, EMAILS.aOwner);
      expect((await call(app, a, "GET", `/api/v1/growth/reports/${job.id}/pdf`)).statusCode).toBe(404);
      expect((await call(app, a, "GET", `/api/v1/growth/reports/${job.id}/xlsx`)).statusCode).toBe(404);
      expect((await call(app, op, "POST", "/api/v1/jobs", { kind: "report", input: {} })).statusCode).toBe(
        400,
      );
    });
  },
);
