import { readFileSync } from "node:fs";
import { type SimDevice, startSimulator } from "@clusterbrain/server";
import { z } from "zod";
import { cliConfig } from "./cli-config.ts";
import type { RegisterCommand } from "./index.ts";

interface SimulateOptions {
  url?: string;
  devices?: string;
  seed: number;
  faultRate?: number;
  intervalMs: number;
  sparkplugEvery: number;
  duration?: number;
}

const deviceFile = z.array(
  z.object({
    orgId: z.string().min(1),
    deviceId: z.string().min(1),
    username: z.string().min(1),
    password: z.string().min(1),
    tags: z.array(
      z.object({
        key: z.string().min(1),
        dataType: z.enum(["number", "boolean", "string"]),
        unit: z.string().nullish(),
        low: z.number().nullish(),
        high: z.number().nullish(),
      }),
    ),
  }),
);

function number(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min)
      throw new Error(`--${name} must be a number ≥ ${min}, got "${value}"`);
    return n;
  };
}

/** Devices from a JSON file (the shape seedDemoTelemetry returns), with the file's row named on error. */
export function readDevices(file: string): SimDevice[] {
  const parsed = deviceFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: device ${String(issue.path[0] ?? "?")}: ${issue.path.slice(1).join(".")} ${issue.message}`,
    );
  }
  return parsed.data;
}

export const registerSimulate: RegisterCommand = (program) => {
  program
    .command("simulate")
    .description(
      "Simulated devices (SMT lines, coil winding, test stations, machine states, injected faults) publishing MQTT JSON and Sparkplug B",
    )
    .requiredOption(
      "--devices <file.json>",
      "devices with credentials and tags (the shape seedDemoTelemetry returns)",
    )
    .option(
      "--url <mqtt-url>",
      "broker (default: MQTT_URL, else the embedded broker at mqtt://127.0.0.1:MQTT_PORT)",
    )
    .option("--seed <n>", "generator seed (same seed, same signals)", number("seed", 0), 1)
    .option(
      "--fault-rate <n>",
      "injected faults per device per hour (default SIMULATOR_FAULT_RATE)",
      number("fault-rate", 0),
    )
    .option("--interval-ms <n>", "sample interval per device", number("interval-ms", 10), 1000)
    .option(
      "--sparkplug-every <n>",
      "every n-th device speaks Sparkplug B (0: none)",
      number("sparkplug-every", 0),
      3,
    )
    .option("--duration <s>", "stop after this many seconds (default: until Ctrl-C)", number("duration", 1))
    .action(async (opts: SimulateOptions) => {
      const config = cliConfig();
      const devices = readDevices(opts.devices ?? "");
      const url = opts.url ?? config.mqttUrl ?? `mqtt://127.0.0.1:${config.ingest.mqttPort ?? 1883}`;
      const sim = startSimulator({
        url,
        devices,
        seed: Math.floor(opts.seed),
        faultsPerHour: opts.faultRate ?? config.ingest.simulatorFaultsPerHour,
        intervalMs: Math.floor(opts.intervalMs),
        sparkplugEvery: Math.floor(opts.sparkplugEvery),
        onError: (device, err) => console.error(`${device}: ${err.message}`),
      });
      console.log(`simulating ${devices.length} devices against ${url} (seed ${opts.seed}); Ctrl-C stops`);
      const report = setInterval(() => {
        const s = sim.stats();
        console.log(
          `acked: ${s.json} JSON + ${s.sparkplug} Sparkplug messages, ${s.points} points; ${s.faults} faults injected`,
        );
      }, 10_000);
      const stop = async () => {
        clearInterval(report);
        await sim.stop();
        const s = sim.stats();
        console.log(
          `stopped: ${s.points} points acknowledged, ${s.faults} faults injected, ${s.rebirths} rebirths`,
        );
      };
      await new Promise<void>((resolve) => {
        const done = () => void stop().then(resolve);
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
        if (opts.duration) setTimeout(done, opts.duration * 1000);
      });
    });
};
