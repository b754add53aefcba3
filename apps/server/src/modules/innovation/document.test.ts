import { PROJECT_DOCUMENT_MAX_BYTES } from "@clusterbrain/contracts";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const API = "/api/v1/innovation/projects";
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

describeEachDatabase("joint project documents: versions, size limit, members only", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let b: Session;
  let c: Session;
  let aViewer: Session;
  let projectId = "";
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, b, c, aViewer] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
      login(app, EMAILS.aViewer),
    ]);
    const project = await call(app, a, "POST", API, {
      title: "高端电感联合研发",
      members: [{ orgId: IDS.b, role: "research" }],
    });
    expect(project.statusCode).toBe(200);
    projectId = project.json().id;
  });
  afterAll(() => app.close());

  const upload = (s: Session, name: string, content: string | Buffer, contentType = "text/plain") =>
    call(app, s, "POST", `${API}/${projectId}/documents`, { name, contentType, contentBase64: b64(content) });

  it("each upload of a name is its next version; the list shows versions newest first; downloads give the bytes", async () => {
    const v1 = await upload(a, "技术方案.txt", "方案 第一版");
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, uploadedByOrgId: IDS.a, contentType: "text/plain" });
    const v2 = await upload(b, "技术方案.txt", "方案 第二版 (高校修改)");
    expect(v2.json()).toMatchObject({ version: 2, uploadedByOrgId: IDS.b });
    await upload(b, "test-report.pdf", Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]), "application/pdf");

    const list = (await call(app, b, "GET", `${API}/${projectId}/documents`)).json();
    expect(list.maxBytes).toBe(PROJECT_DOCUMENT_MAX_BYTES);
    const plan = list.items.find((d: { name: string }) => d.name === "技术方案.txt");
    expect(plan.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(plan.latest.id).toBe(v2.json().id);

    const first = await call(app, b, "GET", `${API}/${projectId}/documents/${v1.json().id}`);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.toString("utf8")).toBe("方案 第一版");
    expect(first.headers["content-type"]).toContain("text/plain");
    expect(first.headers["content-disposition"]).toContain(encodeURIComponent("技术方案.txt"));
    const pdf = list.items.find((d: { name: string }) => d.name === "test-report.pdf").latest;
    const bin = await call(app, a, "GET", `${API}/${projectId}/documents/${pdf.id}`);
    expect([...bin.rawPayload]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    expect(pdf.sizeBytes).toBe(6);
    // Script-capable types come back as plain bytes, never rendered in the platform's origin.
    const html = await upload(a, "x.html", "<script>alert(1)</script>", "text/html");
    const served = await call(app, b, "GET", `${API}/${projectId}/documents/${html.json().id}`);
    expect(served.headers["content-type"]).toContain("application/octet-stream");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("uploads land in the project's activity log and the audit trail", async () => {
    const project = (await call(app, a, "GET", `${API}/${projectId}`)).json();
    const details = project.activity
      .filter((x: { action: string }) => x.action === "document.uploaded")
      .map((x: { detail: string }) => x.detail);
    expect(details).toEqual(expect.arrayContaining(["技术方案.txt v1", "技术方案.txt v2"]));
    const audits = await getDb()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "innovation.document.upload"), eq(auditLog.orgId, IDS.a)));
    expect(audits.length).toBe(4); // two plan versions, the report, the html file
  });

  it("over 10 MiB is a 413 PAYLOAD_TOO_LARGE stating the limit; exactly the limit is accepted", async () => {
    const big = await upload(a, "big.bin", Buffer.alloc(PROJECT_DOCUMENT_MAX_BYTES + 1, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      details: { reason: "DOCUMENT_TOO_LARGE", maxBytes: PROJECT_DOCUMENT_MAX_BYTES },
    });
    const edge = await upload(a, "edge.bin", Buffer.alloc(PROJECT_DOCUMENT_MAX_BYTES, 2));
    expect(edge.statusCode).toBe(200);
    expect(edge.json().sizeBytes).toBe(PROJECT_DOCUMENT_MAX_BYTES);
  });

  it("bad input is a 400 naming the field", async () => {
    const bad = await call(app, a, "POST", `${API}/${projectId}/documents`, {
      name: "x.txt",
      contentBase64: "not base64!",
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("contentBase64");
    const folder = await call(app, a, "POST", `${API}/${projectId}/documents`, {
      name: "../etc/passwd",
      contentBase64: b64("x"),
    });
    expect(folder.statusCode).toBe(400);
  });

  it("a non-member gets 404 for the list, the upload and each version; a viewer of a member reads but cannot upload", async () => {
    const list = (await call(app, a, "GET", `${API}/${projectId}/documents`)).json();
    const anyId = list.items[0].latest.id;
    expect((await call(app, c, "GET", `${API}/${projectId}/documents`)).statusCode).toBe(404);
    expect((await call(app, c, "GET", `${API}/${projectId}/documents/${anyId}`)).statusCode).toBe(404);
    expect((await upload(c, "intrude.txt", "x")).statusCode).toBe(404);
    expect((await call(app, aViewer, "GET", `${API}/${projectId}/documents`)).statusCode).toBe(200);
    expect((await upload(aViewer, "viewer.txt", "x")).statusCode).toBe(403);
    expect((await call(app, a, "GET", `${API}/${projectId}/documents/nope`)).statusCode).toBe(404);
  });
});
