import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { defaultConfig } from "../../config/config.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { loadOpcua } from "../ingest/opcua.client.ts";
import { createTestDevice, type TestDevice } from "../telemetry/telemetry.test-support.ts";

const SECRET = "test-secret-0123456789-0123456789-abcdef";
const BASE = "/api/v1/ingest";

/** A free port from the OS (node-opcua puts its port into its endpoint URLs, so it cannot listen on 0). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const address = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof address === "object" && address ? address.port : 0;
}

describeEachDatabase("stored OPC UA connections against a real node-opcua server", (getDb) => {
  const root = mkdtempSync(join(tmpdir(), "cb-conn-opcua-"));
  let app: FastifyInstance;
  let server: InstanceType<Awaited<ReturnType<typeof loadOpcua>>["OPCUAServer"]>;
  let endpointUrl = "";
  let temperature = 21.5;
  let device: TestDevice;
  let owner: Session;

  beforeAll(async () => {
    const opcua = await loadOpcua();
    const serverPki = new opcua.OPCUACertificateManager({
      rootFolder: join(root, "server-pki"),
      automaticallyAcceptUnknownCertificate: true,
    });
    await serverPki.initialize();
    server = new opcua.OPCUAServer({
      port: await freePort(),
      hostname: "127.0.0.1",
      serverCertificateManager: serverPki,
      securityModes: [opcua.MessageSecurityMode.None, opcua.MessageSecurityMode.SignAndEncrypt],
      securityPolicies: [opcua.SecurityPolicy.None, opcua.SecurityPolicy.Basic256Sha256],
      allowAnonymous: true,
      userManager: {
        isValidUser: (user: string, password: string) =>
          user === "operator" && password === "pa55-word-never-shown",
      },
    });
    await server.initialize();
    const space = server.engine.addressSpace;
    if (!space) throw new Error("no address space");
    const ns = space.getOwnNamespace();
    const line = ns.addObject({ organizedBy: space.rootFolder.objects, browseName: "Line1" });
    ns.addVariable({
      componentOf: line,
      browseName: "ReflowZone1Temp",
      nodeId: "s=Line1.ReflowZone1Temp",
      dataType: "Double",
      value: { get: () => new opcua.Variant({ dataType: opcua.DataType.Double, value: temperature }) },
    });
    await server.start();
    endpointUrl = server.getEndpointUrl();
    await seedCluster(getDb().db);
    device = await createTestDevice(getDb().db, IDS.a, "ua", [{ key: "zone1_temp", dataType: "number" }]);
    app = await buildApp({
      db: getDb().db,
      sessionSecret: SECRET,
      logLevel: "silent",
      config: { ...defaultConfig({ sessionSecret: SECRET }), dataDir: root },
    });
    await app.ready();
    owner = await login(app, EMAILS.aOwner);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.shutdown(0);
  });

  const input = (over: Record<string, unknown> = {}) => ({
    name: "reflow oven",
    kind: "opcua",
    deviceId: device.deviceId,
    opcua: {
      endpointUrl,
      nodes: [{ nodeId: "ns=1;s=Line1.ReflowZone1Temp", tagId: device.tagIds.zone1_temp }],
      samplingMs: 100,
      ...over,
    },
  });

  async function statusOf(id: string) {
    return (await call(app, owner, "GET", `${BASE}/connections/${id}`)).json().status;
  }

  it("refuses security mode None unless the firm allows a test rig", async () => {
    const res = await call(
      app,
      owner,
      "POST",
      `${BASE}/connections`,
      input({ securityMode: "None", securityPolicy: "None" }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/None is refused/);
  });

  it("runs a SignAndEncrypt connection once the server's certificate is trusted, storing the values", async () => {
    const created = await call(app, owner, "POST", `${BASE}/connections`, {
      ...input({ username: "operator", password: "pa55-word-never-shown" }),
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).not.toContain("pa55-word-never-shown");
    const id = created.json().id;
    expect(created.json().opcua).toMatchObject({ username: "operator", hasPassword: true });
    // Not trusted yet: the connection fails with a clear message and keeps retrying.
    let status = await statusOf(id);
    for (let i = 0; i < 100 && status.state !== "error"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf(id);
    }
    expect(status.state).toBe("error");
    expect(status.error).toMatch(/trust list/);

    const cert = await call(app, owner, "POST", `${BASE}/opcua/server-certificate`, { endpointUrl });
    expect(cert.statusCode).toBe(200);
    expect(cert.json().trusted).toBe(false);
    const trusted = await call(app, owner, "POST", `${BASE}/opcua/trust`, { pem: cert.json().pem });
    expect(trusted.json().thumbprint).toBe(cert.json().thumbprint);
    const trust = (await call(app, owner, "GET", `${BASE}/opcua/trust`)).json();
    expect(trust.clientCertificate).toMatch(/BEGIN CERTIFICATE/);
    expect(JSON.stringify(trust)).not.toMatch(/PRIVATE KEY/);

    // Trusting retries at once: values arrive and are stored on the mapped tag.
    const latest = async () =>
      (await call(app, owner, "GET", `/api/v1/telemetry/tags/${device.tagIds.zone1_temp}/latest`)).json();
    for (let i = 0; i < 150 && (await latest()).value !== 21.5; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect([await latest(), await statusOf(id)]).toMatchObject([{ value: 21.5 }, { state: "connected" }]);
    temperature = 245.5;
    for (let i = 0; i < 150 && (await latest()).value !== 245.5; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await latest()).value).toBe(245.5);
    status = await statusOf(id);
    expect(status).toMatchObject({ state: "connected", error: null });
    expect(status.lastValueAt).not.toBeNull();

    // Browsing goes through the stored connection's security and identity.
    const objects = await call(app, owner, "POST", `${BASE}/connections/${id}/browse`, {});
    const line = objects.json().nodes.find((n: { browseName: string }) => n.browseName === "1:Line1");
    expect(line?.nodeClass).toBe("Object");
    const children = await call(app, owner, "POST", `${BASE}/connections/${id}/browse`, {
      nodeId: line.nodeId,
    });
    expect(children.json().nodes).toContainEqual(
      expect.objectContaining({ nodeId: "ns=1;s=Line1.ReflowZone1Temp", nodeClass: "Variable" }),
    );
    // The list shows the status and never the password.
    const list = await call(app, owner, "GET", `${BASE}/connections`);
    expect(list.body).not.toContain("pa55-word-never-shown");

    // Another firm sees none of it and cannot use it.
    const b = await login(app, EMAILS.bOwner);
    expect((await call(app, b, "GET", `${BASE}/connections`)).json().items).toEqual([]);
    expect((await call(app, b, "GET", `${BASE}/connections/${id}`)).statusCode).toBe(404);
    expect((await call(app, b, "POST", `${BASE}/connections/${id}/browse`, {})).statusCode).toBe(404);
    expect((await call(app, b, "PUT", `${BASE}/connections/${id}`, input())).statusCode).toBe(404);
    expect((await call(app, b, "DELETE", `${BASE}/connections/${id}`)).statusCode).toBe(404);
    expect((await call(app, b, "GET", `${BASE}/opcua/trust`)).json().trusted).toEqual([]);
    // B cannot point a connection at A's device either.
    expect((await call(app, b, "POST", `${BASE}/connections`, input())).statusCode).toBe(404);

    await call(app, owner, "DELETE", `${BASE}/connections/${id}`);
  }, 60_000);

  it("bad input gives a clear error, never a 500", async () => {
    const bad = async (body: unknown) => call(app, owner, "POST", `${BASE}/connections`, body);
    // The server is trusted (again, when this test runs alone: then a 409 says it already is).
    const cert = await call(app, owner, "POST", `${BASE}/opcua/server-certificate`, { endpointUrl });
    await call(app, owner, "POST", `${BASE}/opcua/trust`, { pem: cert.json().pem });
    expect((await bad(input({ endpointUrl: "http://x" }))).statusCode).toBe(400);
    const malformedNode = await bad({
      ...input(),
      opcua: { endpointUrl, nodes: [{ nodeId: "%%%", tagId: "x" }] },
    });
    expect(malformedNode.statusCode).toBe(400);
    const foreignTag = await bad({
      ...input(),
      opcua: { endpointUrl, nodes: [{ nodeId: "ns=1;s=X", tagId: "nope" }] },
    });
    expect(foreignTag.statusCode).toBe(400);
    expect(foreignTag.json().error.message).toMatch(/not a tag of this device/);

    // A node id that does not exist on the server: stored, then an error status naming it.
    const unknown = await bad({
      ...input(),
      name: "unknown node",
      opcua: { endpointUrl, nodes: [{ nodeId: "ns=1;s=Nope", tagId: device.tagIds.zone1_temp }] },
    });
    expect(unknown.statusCode).toBe(200);
    const unknownId = unknown.json().id;
    let status = await statusOf(unknownId);
    for (let i = 0; i < 100 && status.state !== "error"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf(unknownId);
    }
    expect(status.error).toMatch(/ns=1;s=Nope/);
    const browseUnknown = await call(app, owner, "POST", `${BASE}/connections/${unknownId}/browse`, {
      nodeId: "ns=1;s=Nope",
    });
    expect(browseUnknown.statusCode).toBe(409);

    // An endpoint nobody listens on: 409 when browsing, an error status when running.
    const dead = `opc.tcp://127.0.0.1:${await freePort()}`;
    const unreachable = await bad({ ...input(), name: "dead", opcua: { endpointUrl: dead } });
    const deadId = unreachable.json().id;
    expect((await call(app, owner, "POST", `${BASE}/connections/${deadId}/browse`, {})).statusCode).toBe(409);
    status = await statusOf(deadId);
    for (let i = 0; i < 100 && status.state !== "error"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await statusOf(deadId);
    }
    expect(status.error).toMatch(/cannot connect/);
    expect(
      (await call(app, owner, "POST", `${BASE}/opcua/server-certificate`, { endpointUrl: dead })).statusCode,
    ).toBe(409);
    expect(
      (await call(app, owner, "POST", `${BASE}/opcua/trust`, { pem: "-----BEGIN CERTIFICATE-----\nxx" }))
        .statusCode,
    ).toBe(400);
  }, 60_000);
});
