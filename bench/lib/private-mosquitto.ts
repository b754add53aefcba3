// A Mosquitto of the bench's own (`mosquitto -c <tmp conf>` on a free port, anonymous, persistence
// in a temp dir), so a bench may kill -9 it without touching the machine's Mosquitto on 1883.
// Persistence saves after every change (autosave_on_changes, interval 1): a kill -9 loses at most
// what arrived since the last save.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort, sleep } from "./free-port.ts";

export interface PrivateMosquitto {
  url: string;
  port: number;
  start(): Promise<void>;
  kill9(): Promise<void>;
  cleanup(): Promise<void>;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export async function startPrivateMosquitto(o: { maxInflight?: number } = {}): Promise<PrivateMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), "cb-private-mosquitto-"));
  // Started as root, mosquitto drops to the `mosquitto` user: it must be able to write its store.
  if (userInfo().uid === 0) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "mosquitto"]).toString().trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const port = await freePort();
  const conf = join(dir, "mosquitto.conf");
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous true",
      "persistence true",
      `persistence_location ${dir}/`,
      "autosave_on_changes true",
      "autosave_interval 1",
      "max_queued_messages 1000000",
      `max_inflight_messages ${o.maxInflight ?? 100}`,
      "log_dest none",
      "",
    ].join("\n"),
  );
  let child: ChildProcess | undefined;
  const m: PrivateMosquitto = {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn("mosquitto", ["-c", conf], { stdio: "ignore" });
      const deadline = Date.now() + 15_000;
      while (!(await listening(port))) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error("mosquitto did not start");
        await sleep(20);
      }
    },
    async kill9() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise<void>((r) => c.once("exit", () => r()));
      c.kill("SIGKILL");
      await exited;
    },
    async cleanup() {
      await m.kill9();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await m.start();
  return m;
}
