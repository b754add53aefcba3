import ModbusRTU from "modbus-serial";
import type { PointBatch, RawPoint } from "../telemetry/telemetry.types.ts";
import type { CommitOutcome } from "./ingest.pipeline.ts";

export type RegisterType = "int16" | "uint16" | "int32" | "uint32" | "float32";

/** One tag in a register map: where it lives, how it is encoded, how it is scaled. */
export interface RegisterMapEntry {
  tag: string;
  table: "holding" | "input";
  /** Zero-based register address. */
  address: number;
  type: RegisterType;
  /** 32-bit values: "big" = high word first (ABCD, the Modbus default), "little" = low word first (CDAB). */
  wordOrder?: "big" | "little";
  /** value = raw × scale + offset (e.g. 0.1 for a register in tenths of a degree). */
  scale?: number;
  offset?: number;
}

export interface ModbusDeviceConfig {
  host: string;
  port: number;
  unitId: number;
  pollMs: number;
  timeoutMs?: number;
  orgId: string;
  deviceId: string;
  registers: RegisterMapEntry[];
  /** After each poll: its timestamp when it succeeded, or why it failed. */
  onPoll?(result: { ok: true; ts: number } | { ok: false; error: string }): void;
}

const MAX_REGISTERS_PER_READ = 125;

function width(type: RegisterType): number {
  return type === "int16" || type === "uint16" ? 1 : 2;
}

/** Decodes one entry from the registers read starting at `base`. */
export function decodeRegister(entry: RegisterMapEntry, words: readonly number[], base: number): number {
  const i = entry.address - base;
  const buf = Buffer.alloc(4);
  let raw: number;
  if (width(entry.type) === 1) {
    buf.writeUInt16BE(words[i] & 0xffff, 0);
    raw = entry.type === "int16" ? buf.readInt16BE(0) : buf.readUInt16BE(0);
  } else {
    const [hi, lo] = entry.wordOrder === "little" ? [words[i + 1], words[i]] : [words[i], words[i + 1]];
    buf.writeUInt16BE(hi & 0xffff, 0);
    buf.writeUInt16BE(lo & 0xffff, 2);
    raw =
      entry.type === "int32"
        ? buf.readInt32BE(0)
        : entry.type === "uint32"
          ? buf.readUInt32BE(0)
          : buf.readFloatBE(0);
  }
  const value = raw * (entry.scale ?? 1) + (entry.offset ?? 0);
  return Math.round(value * 1e6) / 1e6;
}

/** Contiguous read requests per table covering every entry (at most 125 registers each). */
export function planReads(
  entries: readonly RegisterMapEntry[],
): { table: "holding" | "input"; start: number; count: number; entries: RegisterMapEntry[] }[] {
  const plans: { table: "holding" | "input"; start: number; count: number; entries: RegisterMapEntry[] }[] =
    [];
  for (const table of ["holding", "input"] as const) {
    const sorted = entries.filter((e) => e.table === table).sort((a, b) => a.address - b.address);
    for (const e of sorted) {
      const last = plans.at(-1);
      const end = e.address + width(e.type);
      if (last && last.table === table && end - last.start <= MAX_REGISTERS_PER_READ) {
        last.count = Math.max(last.count, end - last.start);
        last.entries.push(e);
      } else {
        plans.push({ table, start: e.address, count: width(e.type), entries: [e] });
      }
    }
  }
  return plans;
}

export interface RunningPoller {
  /** Completed polls and failed ones (device unreachable, timeout). */
  stats(): { polls: number; errors: number };
  stop(): Promise<void>;
}

/**
 * Polls one Modbus TCP device every `pollMs`: reads its register map in as few requests as the
 * protocol allows, decodes and scales each tag, and writes one batch per poll (all tags, one
 * timestamp) through the ingest pipeline. A failed poll reconnects on the next one.
 */
export function startModbusPoller(
  config: ModbusDeviceConfig,
  commit: (batch: PointBatch) => Promise<CommitOutcome>,
): RunningPoller {
  const client = new ModbusRTU();
  const plans = planReads(config.registers);
  let polls = 0;
  let errors = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function pollOnce(): Promise<number> {
    if (!client.isOpen) {
      await client.connectTCP(config.host, { port: config.port });
      client.setID(config.unitId);
      client.setTimeout(config.timeoutMs ?? 2000);
    }
    const ts = Date.now();
    const points: RawPoint[] = [];
    for (const plan of plans) {
      const result =
        plan.table === "holding"
          ? await client.readHoldingRegisters(plan.start, plan.count)
          : await client.readInputRegisters(plan.start, plan.count);
      for (const entry of plan.entries)
        points.push({ tag: entry.tag, ts, value: decodeRegister(entry, result.data, plan.start) });
    }
    await commit({ orgId: config.orgId, deviceId: config.deviceId, points });
    return ts;
  }

  const loop = () => {
    if (stopped) return;
    running = pollOnce().then(
      (ts) => {
        polls++;
        config.onPoll?.({ ok: true, ts });
      },
      (err: unknown) => {
        errors++;
        config.onPoll?.({ ok: false, error: modbusErrorText(err, config) });
        if (client.isOpen) client.close(() => undefined);
      },
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(loop, config.pollMs);
    });
  };
  loop();

  return {
    stats: () => ({ polls, errors }),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (client.isOpen) await new Promise<void>((r) => client.close(() => r()));
    },
  };
}

/** A poll failure in plain words (modbus-serial's errors carry errno, modbusCode or a message). */
export function modbusErrorText(err: unknown, config: Pick<ModbusDeviceConfig, "host" | "port">): string {
  const e = err as { errno?: string; code?: string; modbusCode?: number; message?: string };
  const where = `${config.host}:${config.port}`;
  if (e?.modbusCode !== undefined)
    return `device at ${where} answered with exception ${e.modbusCode}: ${e.message ?? ""}`.trim();
  const code = e?.code ?? e?.errno;
  if (code === "ECONNREFUSED") return `connection refused by ${where}`;
  if (code === "ETIMEDOUT" || /timed? ?out/i.test(e?.message ?? ""))
    return `no answer from ${where} (timeout)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `host ${config.host} not found`;
  return `${where}: ${(e?.message ?? String(err)).slice(0, 200)}`;
}
