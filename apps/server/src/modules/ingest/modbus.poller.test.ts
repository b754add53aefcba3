import type { AddressInfo } from "node:net";
import { ServerTCP } from "modbus-serial";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PointBatch } from "../telemetry/telemetry.types.ts";
import { waitFor } from "./ingest.test-support.ts";
import { decodeRegister, planReads, type RegisterMapEntry, startModbusPoller } from "./modbus.poller.ts";

const holding = new Array<number>(200).fill(0);
const input = new Array<number>(50).fill(0);

function setFloat(regs: number[], address: number, value: number, little = false) {
  const b = Buffer.alloc(4);
  b.writeFloatBE(value, 0);
  const [hi, lo] = [b.readUInt16BE(0), b.readUInt16BE(2)];
  regs[address] = little ? lo : hi;
  regs[address + 1] = little ? hi : lo;
}

const MAP: RegisterMapEntry[] = [
  { tag: "zone1_temp", table: "holding", address: 0, type: "int16", scale: 0.1 },
  { tag: "offset_temp", table: "holding", address: 1, type: "int16", scale: 0.1, offset: -40 },
  { tag: "count", table: "holding", address: 2, type: "uint32" },
  { tag: "tension", table: "holding", address: 10, type: "float32" },
  { tag: "speed", table: "holding", address: 12, type: "float32", wordOrder: "little" },
  { tag: "far", table: "holding", address: 180, type: "uint16" },
  { tag: "pressure", table: "input", address: 5, type: "int32", scale: 0.01 },
];

describe("Modbus TCP polling against a modbus-serial server", () => {
  let server: ServerTCP;
  let port = 0;

  beforeAll(async () => {
    holding[0] = 2455; // 245.5 °C
    holding[1] = (-123 + 65536) & 0xffff; // −12.3 − 40
    holding[2] = 0x0001;
    holding[3] = 0x86a0; // 100000
    setFloat(holding, 10, 4.25);
    setFloat(holding, 12, 1234.5, true);
    holding[180] = 65535;
    input[5] = 0xffff;
    input[6] = 0xfc18; // −1000 → −10
    server = new ServerTCP(
      {
        getHoldingRegister: (addr: number) => holding[addr] ?? 0,
        getInputRegister: (addr: number) => input[addr] ?? 0,
        getMultipleHoldingRegisters: (addr: number, length: number) => holding.slice(addr, addr + length),
        getMultipleInputRegisters: (addr: number, length: number) => input.slice(addr, addr + length),
      },
      { host: "127.0.0.1", port: 0, unitID: 1 },
    );
    await new Promise<void>((r) => server.on("initialized", () => r()));
    const internal = server as unknown as { _server: { address(): AddressInfo } };
    port = internal._server.address().port;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("plans contiguous reads, splitting beyond 125 registers and by table", () => {
    const plans = planReads(MAP).map((p) => [p.table, p.start, p.count]);
    expect(plans).toEqual([
      ["holding", 0, 14],
      ["holding", 180, 1],
      ["input", 5, 2],
    ]);
  });

  it("decodes and scales every data type", async () => {
    const batches: PointBatch[] = [];
    const poller = startModbusPoller(
      { host: "127.0.0.1", port, unitId: 1, pollMs: 50, orgId: "org-a", deviceId: "winder1", registers: MAP },
      async (batch) => {
        batches.push(batch);
        return { kind: "committed", stored: batch.points.length, duplicates: 0, refused: 0 };
      },
    );
    try {
      await waitFor(() => batches.length >= 2, 10_000, "two polls");
    } finally {
      await poller.stop();
    }
    const values = Object.fromEntries(batches[0].points.map((p) => [p.tag, p.value]));
    expect(values).toEqual({
      zone1_temp: 245.5,
      offset_temp: -52.3,
      count: 100000,
      tension: 4.25,
      speed: 1234.5,
      far: 65535,
      pressure: -10,
    });
    expect(batches[0]).toMatchObject({ orgId: "org-a", deviceId: "winder1" });
    expect(new Set(batches[0].points.map((p) => p.ts)).size).toBe(1);
    expect(poller.stats().errors).toBe(0);
  });

  it("counts failed polls against an unreachable device and keeps trying", async () => {
    const poller = startModbusPoller(
      {
        host: "127.0.0.1",
        port: 1,
        unitId: 1,
        pollMs: 20,
        timeoutMs: 200,
        orgId: "o",
        deviceId: "d",
        registers: MAP,
      },
      async () => ({ kind: "committed", stored: 0, duplicates: 0, refused: 0 }),
    );
    await waitFor(() => poller.stats().errors >= 2, 10_000, "failed polls");
    await poller.stop();
    expect(poller.stats().polls).toBe(0);
  });

  it("decodes a lone int16 as signed", () => {
    expect(decodeRegister({ tag: "t", table: "holding", address: 0, type: "int16" }, [0xffff], 0)).toBe(-1);
  });
});
