import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { ServerTCP } from "modbus-serial";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { defaultConfig } from "../../config/config.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { opcuaLoaded } from "../ingest/opcua.client.ts";
import { createTestDevice, type TestDevice } from "../telemetry/telemetry.test-support.ts";

const SECRET = "test-secret-0123456789-0123456789-abcdef";
const BASE = "/api/v1/ingest";
const holding = new Array<number>(100).fill(0);

describeEachDatabase("stored Modbus TCP connections against a modbus-serial server", (getDb) => {
  let server: ServerTCP;
  let port = 0;
  let app: FastifyInstance;
  let device: TestDevice;
  let owner: Session;

  beforeAll(async () => {
    holding[0] = 2455; // 245.5 °C in tenths
    holding[10] = 7;
    server = new ServerTCP(
      {
        getHoldingRegister: (addr: number) => holding[addr] ?? 0,
        getInputRegister: () => 0,
        getMultipleHoldingRegisters: (addr: number, length: number) => holding.slice(addr, addr + length),
        getMultipleInputRegisters: (_addr: number, length: number) => new Array<number>(length).fill(0),
      },
      { host: "127.0.0.1", port: 0, unitID: 1 },
    );
    await new Promise<void>((r) => server.on("initialized", () => r()));
    port = (server as unknown as { _server: { address(): AddressInfo } })._server.address().port;
    await seedCluster(getDb().db);
    device = await createTestDevice(getDb().db, IDS.a, "mb", [
      { key: "zone1_temp", dataType: "number" },
      { key: "count", dataType: "number" },
      { key: "door_open", dataType: "boolean" },
    ]);
    const root = mkdtempSync(join(tmpdir(), "cb-conn-modbus-"));
    app = await buildApp({
      db: getDb().db,
      sessionSecret: SECRET,
      logLevel: "silent",
      config: { ...defaultConfig({ sessionSecret: SECRET }), dataDir: root },
    });
    await app.ready();
    owner = await login(app, EMAILS.aOwner);
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const body = (registers: unknown[], over: Record<string, unknown> = {}) => ({
    name: "winder plc",
    kind: "modbus",
    deviceId: device.deviceId,
    modbus: { host: "127.0.0.1", port, unitId: 1, pollMs: 100, registers, ...over },
  });

  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    let v = await read();
    for (let i = 0; i < 100 && !ok(v); i++) {
      await new Promise((r) => setTimeout(r, 100));
      v = await read();
    }
    return v;
  }
  const latest = (tag: string) => async () =>
    (await call(app, owner, "GET", `/api/v1/telemetry/tags/${device.tagIds[tag]}/latest`)).json();
  const statusOf = (id: string) => async () =>
    (await call(app, owner, "GET", `${BASE}/connections/${id}`)).json().status;

  it("polls the register map with scaling and stores the points; node-opcua stays unloaded", async () => {
    const created = await call(
      app,
      owner,
      "POST",
      `${BASE}/connections`,
      body([{ tagId: device.tagIds.zone1_temp, table: "holding", address: 0, type: "int16", scale: 0.1 }]),
    );
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await until(latest("zone1_temp"), (v) => v.value === 245.5)).value).toBe(245.5);
    const status = await statusOf(id)();
    expect(status).toMatchObject({ state: "connected", error: null });
    expect(status.lastValueAt).not.toBeNull();
    // No OPC UA connection exists: the OPC UA library was never imported by the server.
    expect(opcuaLoaded()).toBe(false);

    // Changing the register map restarts this connection only, with the new map.
    const other = await call(app, owner, "POST", `${BASE}/connections`, {
      ...body([], { port: 1 }),
      name: "dead plc",
    });
    const otherId = other.json().id;
    const dead = await until(statusOf(otherId), (s) => s.state === "error");
    expect(dead.error).toMatch(/refused|no answer/);
    const put = await call(
      app,
      owner,
      "PUT",
      `${BASE}/connections/${id}`,
      body([
        { tagId: device.tagIds.count, table: "holding", address: 10, type: "uint16", scale: 2, offset: 1 },
      ]),
    );
    expect(put.statusCode).toBe(200);
    expect((await until(latest("count"), (v) => v.value === 15)).value).toBe(15);
    // The failing one kept its own back-off (attempts counted on), untouched by the other's restart.
    const after = await statusOf(otherId)();
    expect(after.state).toBe("error");
    expect(after.attempts).toBeGreaterThanOrEqual(dead.attempts);
    expect(after.retryAt).not.toBeNull();

    // Disabled: stopped.
    const off = await call(app, owner, "PUT", `${BASE}/connections/${otherId}`, {
      ...body([], { port: 1 }),
      name: "dead plc",
      enabled: false,
    });
    expect(off.json().status.state).toBe("stopped");
  });

  it("refuses a bad register map with the row named, never a 500", async () => {
    const post = (registers: unknown[]) =>
      call(app, owner, "POST", `${BASE}/connections`, body(registers, {}));
    const overlap = await post([
      { tagId: device.tagIds.zone1_temp, table: "holding", address: 0, type: "float32" },
      { tagId: device.tagIds.count, table: "holding", address: 1, type: "int16" },
    ]);
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toMatch(/modbus.registers.1.address: overlaps register 1/);
    const notNumber = await post([
      { tagId: device.tagIds.door_open, table: "holding", address: 0, type: "int16" },
    ]);
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().error.message).toMatch(/number tag only/);
    expect(
      (await post([{ tagId: device.tagIds.count, table: "coils", address: 0, type: "int16" }])).statusCode,
    ).toBe(400);
    expect(
      (await post([{ tagId: device.tagIds.count, table: "holding", address: 65535, type: "int32" }]))
        .statusCode,
    ).toBe(400);
    expect(
      (await post([{ tagId: device.tagIds.count, table: "holding", address: 0, type: "int16", scale: 0 }]))
        .statusCode,
    ).toBe(400);
    const unknownDevice = await call(app, owner, "POST", `${BASE}/connections`, {
      ...body([]),
      deviceId: "nope",
    });
    expect(unknownDevice.statusCode).toBe(404);
    // A member may read but not change connections.
    const member = await login(app, EMAILS.aMember);
    expect((await call(app, member, "GET", `${BASE}/connections`)).statusCode).toBe(200);
    expect(
      (await call(app, member, "POST", `${BASE}/connections`, { ...body([]), name: "m" })).statusCode,
    ).toBe(403);
  });
});
