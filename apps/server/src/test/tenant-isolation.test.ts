import { API_PREFIX, declaredRoutes, PRIVATE_ID_SCOPES } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDevice } from "../modules/telemetry/telemetry.test-support.ts";
import { B_SECRETS, call, EMAILS, IDS, login, seedCluster, testApp } from "./fixtures.ts";
import { fillPath, openApiRoutes } from "./openapi-routes.ts";
import { describeEachDatabase } from "./test-database.ts";

/** The route table, with paths in OpenAPI form (what the sweep and the document share). */
const table = declaredRoutes().map(({ name, route }) => ({
  name,
  method: route.method,
  path: `${API_PREFIX}${route.path.replace(/:(\w+)/g, "{$1}")}`,
  params: Object.keys(route.scope ?? {}),
  // A route naming one of B's private records by id must answer 404 (no existence leak).
  private: Object.values(route.scope ?? {}).some((scope) => PRIVATE_ID_SCOPES.includes(scope)),
  // An event stream never ends under inject; live.test.ts checks its isolation on real sockets.
  stream: route.produces === "text/event-stream",
}));

/** Plausible bodies per write route, aimed at B; anything else gets {}. */
function bodyFor(method: string, path: string): unknown {
  const key = `${method} ${path}`;
  if (key === "PATCH /api/v1/orgs/{id}")
    return { website: "https://hijack.test", contact: { name: "x", phone: "1", email: "x@x.test" } };
  if (key === "PUT /api/v1/orgs/{id}/indicators")
    return {
      year: 2023,
      revenue: 1,
      rdSpend: 1,
      employees: 1,
      patents: 1,
      energyUse: 1,
      exports: 1,
      fixedAssets: 1,
      profit: 1,
    };
  if (key === "POST /api/v1/relations")
    return { supplierOrgId: IDS.b, customerOrgId: IDS.c, product: "forged", volumeBand: "lt1m" };
  if (key === "POST /api/v1/grants")
    return {
      granteeOrgId: IDS.a,
      dataClass: "indicators",
      purpose: "self",
      expiresAt: "2099-01-01T00:00:00Z",
    };
  if (key === "POST /api/v1/auth/tokens") return { name: "walk" };
  if (key === "POST /api/v1/access-requests/{id}/approve") return { expiresAt: "2099-01-01T00:00:00Z" };
  if (key === "PATCH /api/v1/members/{id}") return { role: "viewer" };
  if (key === "PATCH /api/v1/resources/{id}") return { nameZh: "劫持", status: "retired" };
  if (key === "POST /api/v1/resources/{id}/bookings")
    return { startsAt: "2099-01-05T10:00:00+08:00", endsAt: "2099-01-05T12:00:00+08:00", purpose: "walk" };
  if (key === "PATCH /api/v1/knowledge/{id}")
    return { titleZh: "劫持", visibility: "cluster", audienceOrgIds: [] };
  if (key === "POST /api/v1/events/{id}/registrations") return { attendee: "walk" };
  if (key === "POST /api/v1/bookings/{id}/usage") return { usedHours: 1 };
  if (key === "POST /api/v1/bookings/{id}/rating") return { rating: 1 };
  if (key === "POST /api/v1/innovation/projects/{id}/members") return { orgId: IDS.a, role: "research" };
  if (key === "POST /api/v1/innovation/projects/{id}/milestones")
    return { title: "walk", dueDate: "2027-01-01" };
  if (key === "PATCH /api/v1/innovation/listings/{id}") return { title: "hijacked" };
  if (key === "PATCH /api/v1/innovation/projects/{id}") return { status: "cancelled" };
  if (key === "POST /api/v1/innovation/projects/{id}/documents")
    return { name: "walk.txt", contentBase64: Buffer.from("walk").toString("base64") };
  if (key === "PUT /api/v1/planning/forecast/{item}/overrides")
    return { periodDate: "2026-01-01", quantity: 1 };
  if (key === "POST /api/v1/monitoring/alarms/{id}/shelve") return { minutes: 5 };
  if (key === "POST /api/v1/monitoring/alarms/{id}/comments") return { text: "walk" };
  if (key === "PUT /api/v1/monitoring/detectors/{tagId}") return { targetArl: 10_000 };
  if (key === "PUT /api/v1/monitoring/channels/{id}" || key === "POST /api/v1/monitoring/channels")
    return { kind: "wecom", name: "walk", priorities: ["low"], webhookUrl: "http://127.0.0.1:9/hijack" };
  if (key === "POST /api/v1/scheduling/scenarios/{id}/moves") return { job: 0, op: 0, machine: 0, start: 0 };
  if (key === "POST /api/v1/scheduling/scenarios/{id}/locks") return { job: 0, op: 0, locked: true };
  if (key === "POST /api/v1/scheduling/scenarios/{id}/disturbances")
    return { machine: "M1", from: "2026-01-01T08:00", to: "2026-01-01T12:00" };
  if (key === "POST /api/v1/growth/jobs") return { method: "dea-ccr" };
  if (key === "PATCH /api/v1/talent/people/{id}") return { consent: true };
  if (key === "POST /api/v1/talent/secondments/{id}/approve") return { note: "walk" };
  if (key === "POST /api/v1/talent/competitions/{id}/scores") return { entryId: "x", score: 1 };
  if (key === "PUT /api/v1/growth/strategy/note")
    return { body: "walk", goals: [{ title: "walk", kpi: "revenue", target: 1, due: 2030 }] };
  if (key === "POST /api/v1/logistics/shipments/{id}/events")
    return { type: "delivered", occurredAt: "2026-01-01T08:00:00+08:00" };
  if (key === "PATCH /api/v1/materials/listings/{id}") return { spec: "hijacked", status: "open" };
  if (key === "POST /api/v1/materials/rounds/{id}/join") return { quantity: 1 };
  if (key === "PUT /api/v1/oee/machines/{machineId}/settings")
    return {
      idealCycleSeconds: 1,
      stateTag: "x",
      reasonTag: null,
      goodTag: null,
      rejectTag: null,
      totalTag: null,
      idealCycleTag: null,
    };
  if (key === "POST /api/v1/capacity-exchange/rfqs/{id}/invitations") return { offerId: "walk" };
  if (key === "POST /api/v1/capacity-exchange/rfqs/{id}/quotes")
    return { offerId: "walk", hours: 1, pricePerHour: 1, startOn: "2099-01-01", endOn: "2099-01-01" };
  if (key === "POST /api/v1/capacity-exchange/orders/{id}/shipment")
    return { carrier: "walk", trackingNo: "A-WALK-1", promisedOn: "2099-01-01" };
  if (key === "PUT /api/v1/ingest/connections/{id}")
    return { name: "walk", kind: "modbus", deviceId: "walk", enabled: false, modbus: { host: "127.0.0.1" } };
  if (key === "PATCH /api/v1/marketing/leads/{id}") return { stage: "lost", activity: "walk" };
  if (key === "POST /api/v1/marketing/campaigns") return { name: "walk", segment: {} };
  if (key === "POST /api/v1/marketing/bundles")
    return { name: "walk", segment: {}, items: [{ kind: "service", name: "walk", quantity: 1 }], price: 1 };
  return {};
}

function leaks(body: string): string[] {
  const found = [
    B_SECRETS.phone,
    B_SECRETS.equipment,
    B_SECRETS.product,
    B_SECRETS.purpose,
    String(B_SECRETS.revenue),
    "secret-b@b.test",
    "乙经理",
  ].filter((s) => body.includes(s));
  return found;
}

describeEachDatabase(
  "tenant isolation: firm A walks every route in the route table against firm B",
  (getDb) => {
    let app: FastifyInstance;
    let bTokenId: string;
    let bResourceId: string;
    let bBookingId: string;
    let bInnovation: string[] = [];
    let bArticleId: string;
    let bEventId: string;
    let bRegistrationId: string;
    let bTalent: string[] = [];
    let bShipmentId: string;
    let bMaterialDraftId: string;
    /** A machine of B (OEE settings, downtime). */
    const bMachineId = "iso-b-machine";
    /** An RFQ of B, C's quote on it and the order B placed (A is neither side). */
    let bCapacity: string[] = [];
    let bConnectionId: string;
    let bChannelId: string;
    beforeAll(async () => {
      await seedCluster(getDb().db);
      await createTestDevice(getDb().db, IDS.b, "iso-b", []);
      app = await testApp(getDb().db);
      const b = await login(app, EMAILS.bOwner);
      bTokenId = (await call(app, b, "POST", "/api/v1/auth/tokens", { name: "b secret token" })).json().id;
      // A shared resource of B and a booking of it by C: A is neither side of the booking.
      bResourceId = (
        await call(app, b, "POST", "/api/v1/resources", {
          kind: "lab",
          nameZh: "乙实验室",
          nameEn: "B lab",
          pricePerHour: 10,
        })
      ).json().id;
      const c = await login(app, EMAILS.cOwner);
      // An event B organises, with C registered.
      bEventId = (
        await call(app, b, "POST", "/api/v1/events", {
          kind: "fair",
          titleZh: "乙展会",
          startsAt: "2099-03-01T09:00:00+08:00",
          endsAt: "2099-03-01T17:00:00+08:00",
        })
      ).json().id;
      await call(app, c, "POST", `/api/v1/events/${bEventId}/registrations`, { attendee: B_SECRETS.purpose });
      bRegistrationId = (await call(app, b, "GET", `/api/v1/events/${bEventId}/registrations`)).json()
        .items[0].id;
      // A knowledge entry B shares with C only.
      bArticleId = (
        await call(app, b, "POST", "/api/v1/knowledge", {
          kind: "lesson",
          titleZh: "乙的教训",
          body: B_SECRETS.product,
          visibility: "firm",
          audienceOrgIds: [IDS.c],
        })
      ).json().id;
      bBookingId = (
        await call(app, c, "POST", `/api/v1/resources/${bResourceId}/bookings`, {
          startsAt: "2099-01-06T10:00:00+08:00",
          endsAt: "2099-01-06T12:00:00+08:00",
          purpose: B_SECRETS.purpose,
        })
      ).json().id;
      // B's own listing and a joint project of B and C (A is no member): private ids for the walk.
      const listing = await call(app, b, "POST", "/api/v1/innovation/listings", {
        kind: "demand",
        title: "b demand",
      });
      const project = await call(app, b, "POST", "/api/v1/innovation/projects", {
        title: "b project",
        description: B_SECRETS.purpose,
        members: [{ orgId: IDS.c, role: "industry" }],
      });
      const projectId = project.json().id;
      const milestone = await call(app, b, "POST", `/api/v1/innovation/projects/${projectId}/milestones`, {
        title: "b milestone",
        dueDate: "2027-01-01",
      });
      const document = await call(app, b, "POST", `/api/v1/innovation/projects/${projectId}/documents`, {
        name: "b-plan.txt",
        contentBase64: Buffer.from(B_SECRETS.purpose).toString("base64"),
      });
      bInnovation = [listing.json().id, projectId, milestone.json().milestones[0].id, document.json().id];
      // A person of B who does not consent to be listed, and a secondment of a listed B person asked by C.
      const hidden = await call(app, b, "POST", "/api/v1/talent/people", {
        name: "b hidden",
        consent: false,
      });
      const listed = await call(app, b, "POST", "/api/v1/talent/people", { name: "b listed", consent: true });
      const secondment = await call(app, c, "POST", "/api/v1/talent/secondments", {
        personId: listed.json().id,
        role: "walk",
        startsOn: "2027-01-01",
        endsOn: "2027-02-01",
        note: B_SECRETS.purpose,
      });
      // Project staffing of the listed B person asked by C, and a channel of B that C asked to share.
      const staffing = await call(app, c, "POST", "/api/v1/talent/staffing", {
        personId: listed.json().id,
        projectTitle: B_SECRETS.purpose,
        role: "walk",
        startsOn: "2027-01-01",
        endsOn: "2027-02-01",
      });
      const channel = await call(app, b, "POST", "/api/v1/marketing/channels", {
        kind: "distributor",
        name: "b channel",
      });
      const share = await call(app, c, "POST", `/api/v1/marketing/channels/${channel.json().id}/requests`, {
        note: B_SECRETS.purpose,
      });
      bTalent = [hidden.json().id, secondment.json().id, staffing.json().id, share.json().id];
      // A shipment B sends, its consignee named with a secret.
      bShipmentId = (
        await call(app, b, "POST", "/api/v1/logistics/shipments", {
          consigneeName: B_SECRETS.purpose,
          carrier: "walk",
          trackingNo: "B-WALK-1",
          promisedOn: "2099-01-01",
        })
      ).json().id;
      // A material need B keeps as a draft (its spec is a secret).
      bMaterialDraftId = (
        await call(app, b, "POST", "/api/v1/materials/listings", {
          kind: "need",
          category: "ferrite-core",
          spec: B_SECRETS.purpose,
          quantity: 1,
          unit: "pcs",
          byDate: "2099-01-01",
          status: "draft",
        })
      ).json().id;
      const cOffer = (
        await call(app, c, "POST", "/api/v1/capacity-exchange/offers", {
          process: "winding",
          hours: 50,
          pricePerHour: 90,
          leadTimeDays: 0,
        })
      ).json().id;
      const rfq = (
        await call(app, b, "POST", "/api/v1/capacity-exchange/rfqs", {
          process: "winding",
          hours: 10,
          windowFrom: "2099-01-01",
          windowTo: "2099-01-31",
        })
      ).json().id;
      await call(app, b, "POST", `/api/v1/capacity-exchange/rfqs/${rfq}/invitations`, { offerId: cOffer });
      const quote = (
        await call(app, c, "POST", `/api/v1/capacity-exchange/rfqs/${rfq}/quotes`, {
          offerId: cOffer,
          hours: 10,
          pricePerHour: 90,
          startOn: "2099-01-05",
          endOn: "2099-01-09",
        })
      ).json().id;
      const order = (
        await call(app, b, "POST", `/api/v1/capacity-exchange/quotes/${quote}/accept`, {})
      ).json().id;
      bCapacity = [rfq, quote, order];
      expect(bCapacity.every((id) => typeof id === "string")).toBe(true);
      // A stored device connection of B (disabled: nothing runs).
      const bDevice = await createTestDevice(getDb().db, IDS.b, "bwalk", [{ key: "t", dataType: "number" }]);
      bConnectionId = (
        await call(app, b, "POST", "/api/v1/ingest/connections", {
          name: B_SECRETS.equipment,
          kind: "modbus",
          deviceId: bDevice.deviceId,
          enabled: false,
          modbus: { host: "127.0.0.1", port: 1 },
        })
      ).json().id;
      // B's alarm channel: its name is a secret, its webhook must not be re-pointed by A.
      bChannelId = (
        await call(app, b, "POST", "/api/v1/monitoring/channels", {
          kind: "email",
          name: B_SECRETS.purpose,
          priorities: ["high"],
          recipients: ["secret-b@b.test"],
        })
      ).json().id;
    });
    afterAll(() => app.close());

    it("the leak detector sees B's secrets when B itself asks (control)", async () => {
      const b = await login(app, EMAILS.bOwner);
      expect(leaks((await call(app, b, "GET", `/api/v1/orgs/${IDS.b}`)).body)).toContain(B_SECRETS.phone);
      expect(leaks((await call(app, b, "GET", `/api/v1/orgs/${IDS.b}/relations`)).body)).toContain(
        B_SECRETS.product,
      );
    });

    it("the sweep walks every operation of the OpenAPI document: as many as the route table declares", async () => {
      const documented = (await openApiRoutes(app)).filter((r) => r.path.startsWith(`${API_PREFIX}/`));
      expect(documented.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
        table.map((r) => `${r.method} ${r.path}`).sort(),
      );
      expect(documented.length).toBe(table.length);
      expect(table.filter((r) => r.private).length).toBeGreaterThanOrEqual(10);
    });

    for (const role of ["member", "owner"] as const) {
      it(`as A's ${role}: 0 leaks over every route and every B id, and 404 for B's private records`, async () => {
        const a = await login(app, role === "owner" ? EMAILS.aOwner : EMAILS.aMember);
        const routes = table.filter((r) => !r.stream);
        const bIds = [
          IDS.b,
          IDS.relationBC,
          IDS.grantBC,
          bTokenId,
          `u-${EMAILS.bOwner}`,
          bBookingId,
          bResourceId,
          ...bInnovation,
          ...bTalent,
          bShipmentId,
          bMaterialDraftId,
          bMachineId,
          ...bCapacity,
          bConnectionId,
          bChannelId,
        ];
        const leaked: string[] = [];
        const wrongStatus: string[] = [];
        let requests = 0;
        // Logout last, or it would end the session the walk uses.
        const ordered = [...routes].sort(
          (x, y) => Number(x.path.endsWith("/logout")) - Number(y.path.endsWith("/logout")),
        );
        for (const r of ordered) {
          const ids = r.params.length ? bIds : [""];
          for (const id of ids) {
            const url = fillPath(r.path, () => id) + (r.method === "GET" ? `?orgId=${IDS.b}` : "");
            const res = await call(
              app,
              a,
              r.method,
              url,
              r.method === "GET" ? undefined : bodyFor(r.method, r.path),
            );
            requests++;
            const found = leaks(res.body);
            if (found.length)
              leaked.push(`${r.method} ${url} → ${res.statusCode} leaked ${found.join(", ")}`);
            if (r.private && res.statusCode !== 404) {
              wrongStatus.push(`${r.method} ${url} → ${res.statusCode}`);
            }
          }
        }
        expect(requests).toBeGreaterThan(routes.length);
        expect(leaked).toEqual([]);
        expect(wrongStatus).toEqual([]);
      });
    }

    it("B's records are unchanged after the walks", async () => {
      const b = await login(app, EMAILS.bOwner);
      const profile = (await call(app, b, "GET", `/api/v1/orgs/${IDS.b}`)).json();
      expect(profile.website).toBe("");
      expect(profile.contact.phone).toBe(B_SECRETS.phone);
      const rel = (await call(app, b, "GET", `/api/v1/orgs/${IDS.b}/relations`)).json();
      expect(rel.items.map((x: { id: string }) => x.id)).toContain(IDS.relationBC);
      const grants = (await call(app, b, "GET", "/api/v1/grants")).json();
      expect(grants.given.find((g: { id: string }) => g.id === IDS.grantBC).status).toBe("active");
      const ind = (await call(app, b, "GET", `/api/v1/orgs/${IDS.b}/indicators`)).json();
      expect(ind.items.find((y: { year: number }) => y.year === 2023).revenue).toBe(B_SECRETS.revenue);
      const tokens = (await call(app, b, "GET", "/api/v1/auth/tokens")).json();
      expect(tokens.items.find((t: { id: string }) => t.id === bTokenId).revokedAt).toBeNull();
      const resource = (await call(app, b, "GET", `/api/v1/resources/${bResourceId}`)).json();
      expect(resource).toMatchObject({ nameZh: "乙实验室", status: "active" });
      const bookings = (await call(app, b, "GET", "/api/v1/bookings")).json();
      expect(bookings.incoming.find((x: { id: string }) => x.id === bBookingId).status).toBe("pending");
      const article = (await call(app, b, "GET", `/api/v1/knowledge/${bArticleId}`)).json();
      expect(article).toMatchObject({ titleZh: "乙的教训", visibility: "firm", audienceOrgIds: [IDS.c] });
      const registrations = (await call(app, b, "GET", `/api/v1/events/${bEventId}/registrations`)).json();
      expect(
        registrations.items.find((r: { id: string }) => r.id === bRegistrationId).checkedInAt,
      ).toBeNull();
      const secondments = (await call(app, b, "GET", "/api/v1/talent/secondments")).json();
      expect(secondments.incoming.find((x: { id: string }) => x.id === bTalent[1]).status).toBe("pending");
      const pool = (await call(app, b, "GET", "/api/v1/talent/people")).json();
      expect(pool.items.find((x: { id: string }) => x.id === bTalent[0]).consent).toBe(false);
      const shipment = (await call(app, b, "GET", `/api/v1/logistics/shipments/${bShipmentId}`)).json();
      expect(shipment).toMatchObject({ status: "created", events: [] });
      const oee = (await call(app, b, "GET", `/api/v1/oee/machines/${bMachineId}/settings`)).json();
      expect(oee).toMatchObject({ idealCycleSeconds: null, stateTag: null });
      const order = (await call(app, b, "GET", `/api/v1/capacity-exchange/orders/${bCapacity[2]}`)).json();
      expect(order).toMatchObject({ status: "booked", shipment: null, quoteId: bCapacity[1] });
      const members = (await call(app, b, "GET", `/api/v1/orgs/${IDS.b}/members`)).json();
      expect(members.items).toEqual([expect.objectContaining({ email: EMAILS.bOwner, role: "owner" })]);
      const project = (await call(app, b, "GET", `/api/v1/innovation/projects/${bInnovation[1]}`)).json();
      expect(project.status).toBe("active");
      expect(project.members.map((m: { orgId: string }) => m.orgId)).toEqual([IDS.b, IDS.c]);
      expect(project.milestones.map((m: { status: string }) => m.status)).toEqual(["open"]);
      const documents = (
        await call(app, b, "GET", `/api/v1/innovation/projects/${bInnovation[1]}/documents`)
      ).json();
      expect(documents.items.map((d: { name: string }) => d.name)).toEqual(["b-plan.txt"]);
      const materials = (await call(app, b, "GET", "/api/v1/materials/listings?scope=mine")).json();
      expect(materials.items.find((l: { id: string }) => l.id === bMaterialDraftId)).toMatchObject({
        status: "draft",
        spec: B_SECRETS.purpose,
      });
      const channels = (await call(app, b, "GET", "/api/v1/monitoring/channels")).json();
      expect(channels.items).toEqual([
        expect.objectContaining({ id: bChannelId, kind: "email", name: B_SECRETS.purpose }),
      ]);
    });
  },
);
