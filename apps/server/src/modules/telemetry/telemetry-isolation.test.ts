import { API_PREFIX, routeTable } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { call, EMAILS, IDS, login, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { LiveHub } from "../live/live.hub.ts";
import { issueDeviceCredential } from "./device-credential.issuer.ts";
import { LivePointThrottle } from "./live.throttle.ts";
import { telemetryStorage } from "./telemetry.storage.ts";
import { createTestDevice, type TestDevice } from "./telemetry.test-support.ts";

/** Strings only firm B's telemetry holds. */
const B_TEL = { site: "SECRET-B-SITE", tag: "secret_b_tag", value: 424242.5 };

describeEachDatabase("telemetry isolation: firm A against firm B's devices, tags and points", (getDb) => {
  let app: FastifyInstance;
  let b: TestDevice;
  beforeAll(async () => {
    const { db } = getDb();
    await seedCluster(db);
    app = await testApp(db);
    b = await createTestDevice(db, IDS.b, "b", [{ key: B_TEL.tag, dataType: "number" }]);
    await db.execute(
      (await import("drizzle-orm")).sql`UPDATE tel_sites SET name = ${B_TEL.site} WHERE org_id = ${IDS.b}`,
    );
    const storage = telemetryStorage({ db, live: new LiveHub(), now: () => new Date() });
    await storage.writer.write({
      orgId: IDS.b,
      deviceId: b.deviceId,
      points: [{ tag: B_TEL.tag, ts: Date.now() - 1000, value: B_TEL.value }],
    });
    await issueDeviceCredential(db, storage.authenticator, IDS.b, b.deviceId, new Date());
  });
  afterAll(() => app.close());

  it("B sees its own telemetry (control for the leak check)", async () => {
    const s = await login(app, EMAILS.bOwner);
    expect((await call(app, s, "GET", `${API_PREFIX}/telemetry/assets`)).body).toContain(B_TEL.site);
    expect(
      (await call(app, s, "GET", `${API_PREFIX}/telemetry/tags/${b.tagIds[B_TEL.tag]}/latest`)).body,
    ).toContain(String(B_TEL.value));
  });

  for (const email of [EMAILS.aOwner, EMAILS.aMember, EMAILS.aViewer]) {
    it(`${email}: every telemetry route with B's ids answers 404 and shows nothing of B`, async () => {
      const a = await login(app, email);
      const bIds = [IDS.b, "b-site", "b-line", "b-machine", b.deviceId, b.tagIds[B_TEL.tag]];
      const wrong: string[] = [];
      for (const route of Object.values(routeTable.telemetry)) {
        for (const id of route.path.includes(":id") ? bIds : [""]) {
          const url = `${API_PREFIX}${route.path.replace(":id", encodeURIComponent(id))}`;
          const res = await call(app, a, route.method, url, route.method === "GET" ? undefined : {});
          // (B's ids themselves are echoed by the 404 message; the tag's key as a field is not)
          if (
            res.body.includes(B_TEL.site) ||
            res.body.includes(`"key":"${B_TEL.tag}"`) ||
            res.body.includes(String(B_TEL.value)) ||
            res.body.includes("dev-")
          )
            wrong.push(`${route.method} ${url} leaked`);
          if (route.path.includes(":id") && res.statusCode !== 404)
            wrong.push(`${route.method} ${url} → ${res.statusCode}`);
        }
      }
      // B's records as parents in a body: not found either.
      for (const [path, body] of [
        ["/telemetry/lines", { siteId: "b-site", name: "x" }],
        ["/telemetry/machines", { lineId: "b-line", name: "x", processType: "test" }],
        ["/telemetry/devices", { machineId: "b-machine", name: "x" }],
        ["/telemetry/tags", { deviceId: b.deviceId, key: "x", dataType: "number" }],
      ] as const) {
        const res = await call(app, a, "POST", `${API_PREFIX}${path}`, body);
        if (![403, 404].includes(res.statusCode)) wrong.push(`POST ${path} under B → ${res.statusCode}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("B's tree, points and credential are unchanged after the walks", async () => {
    const s = await login(app, EMAILS.bOwner);
    const tree = (await call(app, s, "GET", `${API_PREFIX}/telemetry/assets`)).json();
    expect(tree.tags.map((t: { key: string }) => t.key)).toEqual([B_TEL.tag]);
    expect(tree.devices[0].username).toMatch(/^dev-/);
    expect(
      (await call(app, s, "GET", `${API_PREFIX}/telemetry/tags/${b.tagIds[B_TEL.tag]}/latest`)).json().value,
    ).toBe(B_TEL.value);
  });

  it("live points of B's tags reach B's subscribers only, even when A names B's tag", async () => {
    const hub = new LiveHub();
    const actor = (orgId: string): Actor => ({
      userId: `u-${orgId}`,
      email: `${orgId}@x.test`,
      displayName: orgId,
      orgId,
      orgKind: "enterprise",
      role: "owner",
      via: "session",
      credentialId: orgId,
    });
    const got: Record<string, number> = { a: 0, b: 0, bOther: 0 };
    const watch = new Set([b.tagIds[B_TEL.tag]]);
    hub.subscribe(actor(IDS.a), { deliver: () => got.a++, end: () => undefined }, { telemetryTags: watch });
    hub.subscribe(actor(IDS.b), { deliver: () => got.b++, end: () => undefined }, { telemetryTags: watch });
    hub.subscribe(
      actor(IDS.b),
      { deliver: () => got.bOther++, end: () => undefined },
      { telemetryTags: new Set() },
    );
    const throttle = new LivePointThrottle(hub, 10);
    throttle.push(IDS.b, b.deviceId, [
      { tagId: b.tagIds[B_TEL.tag], ts: Date.now(), num: 1, bool: null, str: null },
    ]);
    throttle.flush();
    expect(got).toEqual({ a: 0, b: 1, bOther: 0 });
  });
});
