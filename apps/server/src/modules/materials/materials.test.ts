import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const M = "/api/v1/materials";

describeEachDatabase(
  "materials: needs ↔ offers, pooled purchasing behind k ≥ 3, stock through grants",
  (getDb) => {
    let app: FastifyInstance;
    let a: Session;
    let b: Session;
    let c: Session;
    let aViewer: Session;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      app = await testApp(getDb().db);
      [a, b, c, aViewer] = await Promise.all([
        login(app, EMAILS.aOwner),
        login(app, EMAILS.bOwner),
        login(app, EMAILS.cOwner),
        login(app, EMAILS.aViewer),
      ]);
    });
    afterAll(() => app.close());

    const post = (s: Session, body: Record<string, unknown>) =>
      call(app, s, "POST", `${M}/listings`, {
        category: "ferrite-core",
        unit: "pcs",
        byDate: "2099-03-31",
        ...body,
      });

    it("a need is matched to other firms' open offers, ranked, each with its reasons", async () => {
      const need = await post(a, { kind: "need", spec: "MnZn ferrite core PQ32/30 N87", quantity: 10000 });
      expect(need.statusCode).toBe(200);
      const good = await post(b, {
        kind: "offer",
        spec: "PQ32/30 MnZn ferrite cores, N87 material",
        quantity: 20000,
        byDate: "2099-03-01",
      });
      const weak = await post(c, {
        kind: "offer",
        spec: "EE25 NiZn core",
        quantity: 2000,
        byDate: "2099-05-30",
      });
      await post(c, { kind: "offer", spec: "PQ32/30 MnZn ferrite draft", quantity: 20000, status: "draft" });
      await post(b, { kind: "offer", category: "pcb", spec: "PQ32/30 MnZn ferrite", quantity: 20000 });
      const res = await call(app, a, "GET", `${M}/listings/${need.json().id}/matches`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{
        listing: { id: string };
        score: number;
        reasons: Array<{ feature: string; value: number; evidence: string[] }>;
      }>;
      // Drafts, other categories and my own listings stay out; the better offer ranks first.
      expect(items.map((m) => m.listing.id)).toEqual([good.json().id, weak.json().id]);
      expect(items[0].score).toBeGreaterThan(items[1].score);
      const reasons = Object.fromEntries(items[0].reasons.map((r) => [r.feature, r]));
      expect(Object.keys(reasons).sort()).toEqual(["category", "date", "distance", "quantity", "spec"]);
      expect(reasons.quantity.value).toBe(1);
      expect(reasons.date.value).toBe(1);
      expect(reasons.spec.value).toBeGreaterThan(0);
      const weakQty = items[1].reasons.find((r) => r.feature === "quantity");
      expect(weakQty?.value).toBeCloseTo(0.2);
    });

    it("contact through the platform notifies the listing's firm; another firm's draft is 404", async () => {
      const offer = await post(b, {
        kind: "offer",
        spec: "Copper wire 0.2 mm enamelled",
        category: "copper-wire",
        quantity: 500,
        unit: "kg",
      });
      const sent = await call(app, a, "POST", `${M}/contacts`, {
        listingId: offer.json().id,
        message: "我们需要 300 kg",
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toMatchObject({ fromOrgId: IDS.a, toOrgId: IDS.b });
      const received = (await call(app, b, "GET", `${M}/contacts`)).json();
      expect(received.received.map((x: { id: string }) => x.id)).toContain(sent.json().id);
      const notes = (await call(app, b, "GET", "/api/v1/notifications")).json();
      expect(notes.items.some((n: { kind: string }) => n.kind === "materials.contact")).toBe(true);

      const draft = await post(b, { kind: "offer", spec: "secret draft spec", quantity: 1, status: "draft" });
      const id = draft.json().id;
      expect((await call(app, a, "POST", `${M}/contacts`, { listingId: id, message: "hi" })).statusCode).toBe(
        404,
      );
      expect((await call(app, a, "GET", `${M}/listings/${id}/matches`)).statusCode).toBe(404);
      expect((await call(app, a, "PATCH", `${M}/listings/${id}`, { spec: "hijack" })).statusCode).toBe(404);
      const open = (await call(app, a, "GET", `${M}/listings?scope=open`)).body;
      expect(open).not.toContain("secret draft spec");
      const mine = (await call(app, b, "GET", `${M}/listings?scope=mine`)).json();
      expect(mine.items.map((x: { id: string }) => x.id)).toContain(id);
      // A viewer may read but not post.
      expect((await post(aViewer, { kind: "need", spec: "x", quantity: 1 })).statusCode).toBe(403);
    });

    it("pooled demand: 2 firms are withheld, 3 firms are shown, never with names", async () => {
      const need = (s: Session, quantity: number) =>
        post(s, {
          kind: "need",
          category: "connector",
          spec: "2.54 mm header",
          quantity,
          byDate: "2099-07-15",
        });
      await need(a, 100);
      await need(b, 200);
      const two = (await call(app, a, "GET", `${M}/pooled-demand`)).json();
      const cellOf = (list: { items: Array<{ category: string; period: string }> }) =>
        list.items.find((x) => x.category === "connector" && x.period === "2099-07");
      expect(two.k).toBe(3);
      expect(cellOf(two)).toMatchObject({
        quantity: { value: null, firms: null, suppressed: true },
        mine: true,
      });
      await need(c, 300);
      const three = await call(app, a, "GET", `${M}/pooled-demand`);
      expect(cellOf(three.json())).toMatchObject({ quantity: { value: 600, firms: 3, suppressed: false } });
      for (const name of [IDS.b, IDS.c, "org-b", "org-c"]) expect(three.body).not.toContain(name);
    });

    it("a pooled round shows its firm count and total only once 3 firms joined", async () => {
      const opened = await call(app, a, "POST", `${M}/rounds`, {
        category: "pcb",
        period: "2099-08",
        title: "四层板集采",
        unit: "pcs",
        closesOn: "2099-07-31",
      });
      expect(opened.statusCode).toBe(200);
      const id = opened.json().id;
      expect(opened.json()).toMatchObject({
        openedByMe: true,
        myQuantity: null,
        participants: { suppressed: true },
      });
      const join = (s: Session, quantity: number) =>
        call(app, s, "POST", `${M}/rounds/${id}/join`, { quantity });
      expect((await join(a, 1000)).json()).toMatchObject({
        myQuantity: 1000,
        quantity: { suppressed: true },
      });
      const second = await join(b, 2000);
      expect(second.json()).toMatchObject({
        participants: { value: null, suppressed: true },
        quantity: { value: null },
      });
      const third = await join(c, 3000);
      expect(third.json()).toMatchObject({
        participants: { value: 3, suppressed: false },
        quantity: { value: 6000 },
      });
      const listed = await call(app, b, "GET", `${M}/rounds`);
      expect(listed.json().items.find((r: { id: string }) => r.id === id)).toMatchObject({
        openedByMe: false,
        myQuantity: 2000,
      });
      expect(listed.body).not.toContain(IDS.a);
      expect((await call(app, a, "POST", `${M}/rounds/unknown-round/join`, { quantity: 1 })).statusCode).toBe(
        404,
      );
      expect(
        (
          await call(app, aViewer, "POST", `${M}/rounds`, {
            category: "pcb",
            period: "2099-08",
            title: "x",
            unit: "pcs",
            closesOn: "2099-07-31",
          })
        ).statusCode,
      ).toBe(403);
    });

    it("stock levels only through an active stock grant, audited; revoking hides them at once", async () => {
      const record = (entity: string, data: Record<string, unknown>) =>
        call(app, b, "POST", "/api/v1/planning/records", { entity, data });
      expect(
        (
          await record("items", {
            code: "FC-1",
            name: "PQ32 core",
            unit: "pcs",
            leadTimeDays: 10,
            safetyStock: 500,
          })
        ).statusCode,
      ).toBe(200);
      expect((await record("stock", { item: "FC-1", quantity: 420 })).statusCode).toBe(200);
      expect((await call(app, a, "GET", `${M}/stock/${IDS.b}`)).statusCode).toBe(404);
      expect((await call(app, a, "GET", `${M}/stock`)).json().items).toEqual([]);

      const grant = await call(app, b, "POST", "/api/v1/grants", {
        granteeOrgId: IDS.a,
        dataClass: "stock",
        purpose: "供应协同",
        expiresAt: "2099-01-01T00:00:00Z",
      });
      expect(grant.statusCode).toBe(200);
      expect(
        (await call(app, a, "GET", `${M}/stock`)).json().items.map((g: { orgId: string }) => g.orgId),
      ).toEqual([IDS.b]);
      const seen = await call(app, a, "GET", `${M}/stock/${IDS.b}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({
        access: "grant",
        items: [{ item: "FC-1", name: "PQ32 core", onHand: 420, safetyStock: 500, low: true }],
      });
      // C holds no grant of B's stock (B's grant to C is of indicators).
      expect((await call(app, c, "GET", `${M}/stock/${IDS.b}`)).statusCode).toBe(404);
      const log = (await call(app, b, "GET", "/api/v1/audit?action=grant.read")).json();
      expect(
        log.items.some(
          (e: { entity: string; actorOrgId: string }) => e.entity === "stock" && e.actorOrgId === IDS.a,
        ),
      ).toBe(true);

      expect((await call(app, b, "POST", `/api/v1/grants/${grant.json().id}/revoke`, {})).statusCode).toBe(
        200,
      );
      expect((await call(app, a, "GET", `${M}/stock/${IDS.b}`)).statusCode).toBe(404);
      expect((await call(app, a, "GET", `${M}/stock`)).json().items).toEqual([]);
      expect((await call(app, b, "GET", `${M}/stock/${IDS.b}`)).json().access).toBe("own");
    });

    it("the export follows the view: my org's listings only, in the chosen language", async () => {
      const res = await call(
        app,
        b,
        "GET",
        `${M}/listings/export?scope=mine&kind=offer&category=copper-wire&lang=en`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.name).toBe("Materials");
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(2).value).toBe("Copper wire");
      expect(sheet.getRow(2).getCell(3).value).toBe("Copper wire 0.2 mm enamelled");
    });
  },
);
