import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PointBatch } from "../telemetry/telemetry.types.ts";
import { waitFor } from "./ingest.test-support.ts";
import {
  browse,
  certificateManager,
  checkSecurity,
  loadOpcua,
  OpcuaError,
  subscribe,
} from "./opcua.client.ts";

/** A free port from the OS (node-opcua puts the port into its endpoint URLs, so it cannot listen on 0). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const address = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof address === "object" && address ? address.port : 0;
}

describe("OPC UA client against a real node-opcua server", () => {
  const root = mkdtempSync(join(tmpdir(), "cb-opcua-"));
  let server: InstanceType<Awaited<ReturnType<typeof loadOpcua>>["OPCUAServer"]>;
  let endpointUrl = "";
  let temperature = 20;

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
    });
    await server.initialize();
    const ns = server.engine.addressSpace?.getOwnNamespace();
    if (!ns || !server.engine.addressSpace) throw new Error("no address space");
    const line = ns.addObject({
      organizedBy: server.engine.addressSpace.rootFolder.objects,
      browseName: "Line1",
    });
    ns.addVariable({
      componentOf: line,
      browseName: "ReflowZone1Temp",
      nodeId: "s=Line1.ReflowZone1Temp",
      dataType: "Double",
      value: { get: () => new opcua.Variant({ dataType: opcua.DataType.Double, value: temperature }) },
    });
    await server.start();
    endpointUrl = server.getEndpointUrl();
  }, 120_000);

  afterAll(async () => {
    await server?.shutdown(0);
  });

  async function trustServer(pkiDir: string) {
    const manager = await certificateManager(pkiDir);
    await manager.trustCertificate(server.getCertificate());
  }

  it("refuses a server whose certificate is not in the trust list", async () => {
    const pkiDir = join(root, "client-untrusting");
    await expect(browse({ endpointUrl, allowInsecure: false }, { pkiDir })).rejects.toMatchObject({
      code: "OPCUA_UNTRUSTED",
    });
  });

  it("browses with SignAndEncrypt once the server is trusted", async () => {
    const pkiDir = join(root, "client");
    await trustServer(pkiDir);
    const objects = await browse({ endpointUrl, allowInsecure: false }, { pkiDir });
    const line = objects.find((n) => n.browseName.endsWith("Line1"));
    expect(line?.nodeClass).toBe("Object");
    const children = await browse({ endpointUrl, allowInsecure: false }, { pkiDir }, line?.nodeId);
    expect(children).toContainEqual(
      expect.objectContaining({
        nodeId: "ns=1;s=Line1.ReflowZone1Temp",
        nodeClass: "Variable",
        dataType: "ns=0;i=11",
      }),
    );
  });

  it("refuses security mode None unless the firm's test-rig flag is on", async () => {
    expect(() => checkSecurity({ endpointUrl, allowInsecure: true }, false)).toThrow(OpcuaError);
    expect(() => checkSecurity({ endpointUrl, allowInsecure: true }, true)).not.toThrow();
    const nodes = await browse({ endpointUrl, allowInsecure: true }, { pkiDir: join(root, "client-rig") });
    expect(nodes.some((n) => n.browseName.endsWith("Line1"))).toBe(true);
  });

  it("subscribes to picked nodes and writes their changes as points", async () => {
    const pkiDir = join(root, "client");
    const batches: PointBatch[] = [];
    const sub = await subscribe({
      endpoint: { endpointUrl, allowInsecure: false },
      trust: { pkiDir },
      orgId: "org-a",
      deviceId: "reflow1",
      nodes: { "ns=1;s=Line1.ReflowZone1Temp": "zone1_temp" },
      samplingMs: 50,
      commit: async (batch) => {
        batches.push(batch);
        return { kind: "committed", stored: batch.points.length, duplicates: 0, refused: 0 };
      },
    });
    try {
      await waitFor(() => batches.length >= 1, 10_000, "the first value");
      temperature = 245.5;
      await waitFor(() => batches.some((b) => b.points[0]?.value === 245.5), 10_000, "the changed value");
      expect(batches[0]).toMatchObject({
        orgId: "org-a",
        deviceId: "reflow1",
        points: [{ tag: "zone1_temp", value: 20 }],
      });
    } finally {
      await sub.stop();
    }
  });
});
