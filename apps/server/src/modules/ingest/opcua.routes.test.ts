import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { defaultConfig } from "../../config/config.ts";
import { call, EMAILS, login, seedCluster } from "../../test/fixtures.ts";
import { withTestDatabase } from "../../test/test-database.ts";
import { loadOpcua } from "./opcua.client.ts";

const SECRET = "test-secret-0123456789-0123456789-abcdef";

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const address = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof address === "object" && address ? address.port : 0;
}

describe("OPC UA browse route and the firm's test-rig flag", () => {
  const getDb = withTestDatabase();
  const root = mkdtempSync(join(tmpdir(), "cb-opcua-route-"));
  let app: FastifyInstance;
  let server: InstanceType<Awaited<ReturnType<typeof loadOpcua>>["OPCUAServer"]>;
  let endpointUrl = "";

  beforeAll(async () => {
    const opcua = await loadOpcua();
    const pki = new opcua.OPCUACertificateManager({
      rootFolder: join(root, "server-pki"),
      automaticallyAcceptUnknownCertificate: true,
    });
    await pki.initialize();
    server = new opcua.OPCUAServer({
      port: await freePort(),
      hostname: "127.0.0.1",
      serverCertificateManager: pki,
      securityModes: [opcua.MessageSecurityMode.None],
      securityPolicies: [opcua.SecurityPolicy.None],
    });
    await server.initialize();
    const space = server.engine.addressSpace;
    if (!space) throw new Error("no address space");
    space.getOwnNamespace().addObject({ organizedBy: space.rootFolder.objects, browseName: "Winder3" });
    await server.start();
    endpointUrl = server.getEndpointUrl();
    await seedCluster(getDb().db);
    const base = defaultConfig({ sessionSecret: SECRET });
    app = await buildApp({
      db: getDb().db,
      sessionSecret: SECRET,
      logLevel: "silent",
      config: { ...base, dataDir: root },
    });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.shutdown(0);
  });

  it("refuses security mode None until the firm's owner turns the test-rig flag on, then browses", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const body = { endpointUrl, securityMode: "None" };
    const refused = await call(app, owner, "POST", "/api/v1/ingest/opcua/browse", body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("FORBIDDEN");

    const member = await login(app, EMAILS.aMember);
    expect(
      (await call(app, member, "PUT", "/api/v1/ingest/settings", { opcuaTestRig: true })).statusCode,
    ).toBe(403);
    const put = await call(app, owner, "PUT", "/api/v1/ingest/settings", { opcuaTestRig: true });
    expect(put.json()).toEqual({ opcuaTestRig: true });
    expect((await call(app, member, "GET", "/api/v1/ingest/settings")).json()).toEqual({
      opcuaTestRig: true,
    });

    const browsed = await call(app, owner, "POST", "/api/v1/ingest/opcua/browse", body);
    expect(browsed.statusCode).toBe(200);
    expect(browsed.json().nodes.map((n: { browseName: string }) => n.browseName)).toContain("1:Winder3");
    // Another firm's flag is its own.
    const other = await login(app, EMAILS.bOwner);
    expect((await call(app, other, "POST", "/api/v1/ingest/opcua/browse", body)).statusCode).toBe(403);
  });

  it("answers 409 (not 500) for an unreachable or untrusted server, 400 for a non-opc.tcp URL", async () => {
    const owner = await login(app, EMAILS.aOwner);
    const unreachable = await call(app, owner, "POST", "/api/v1/ingest/opcua/browse", {
      endpointUrl: `opc.tcp://127.0.0.1:${await freePort()}`,
    });
    expect(unreachable.statusCode).toBe(409);
    const untrusted = await call(app, owner, "POST", "/api/v1/ingest/opcua/browse", { endpointUrl });
    expect(untrusted.statusCode).toBe(409);
    const bad = await call(app, owner, "POST", "/api/v1/ingest/opcua/browse", { endpointUrl: "http://x" });
    expect(bad.statusCode).toBe(400);
  });
});
