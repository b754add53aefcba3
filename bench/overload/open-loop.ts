import { Agent, request } from "node:http";
import { percentile } from "../api/load.ts";

export interface OpenLoopOptions {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  /** Requests per second, sent on schedule whether or not earlier ones have answered. */
  rate: number;
  seconds: number;
  /** Connections the simulated clients may hold open at once. */
  maxSockets: number;
  /** A request not answered within this of its send time (connection wait included) counts as failed. */
  timeoutMs: number;
}

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Per answer class: 200 accepted, 429 rate-limited, 503 shed, other statuses, network errors/timeouts. */
  accepted: Latency;
  rateLimited: Latency;
  shed: Latency;
  other: number;
  failed: number;
  acceptedPerSecond: number;
  /** Every 503 carried Retry-After and the {error:{code:"OVERLOADED"}} body. */
  shedWellFormed: boolean;
}

function summarize(ms: number[]): Latency {
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    count: ms.length,
    p50: r(percentile(ms, 50)),
    p99: r(percentile(ms, 99)),
    max: r(ms[ms.length - 1] ?? Number.NaN),
  };
}

/**
 * An open-loop load generator: requests leave on a fixed schedule (every 10 ms a batch), so a slow
 * server meets more load, not less, as real independent clients would. Latency runs from the
 * scheduled send time to the end of the body, so waiting for a free connection counts too.
 */
export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const base = new URL(o.base);
  const agent = new Agent({ keepAlive: true, maxSockets: o.maxSockets });
  const lat = { 200: [] as number[], 429: [] as number[], 503: [] as number[] };
  let other = 0;
  let failed = 0;
  let sent = 0;
  let shedWellFormed = true;
  const inFlight = new Set<Promise<void>>();
  const fire = (path: string) => {
    const t0 = performance.now();
    const p = new Promise<void>((resolve) => {
      const req = request(
        { host: base.hostname, port: base.port, path, method: "GET", agent, headers: o.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const ms = performance.now() - t0;
            const status = res.statusCode ?? 0;
            if (status === 200 || status === 429 || status === 503) lat[status].push(ms);
            else other++;
            if (status === 503) {
              const body = Buffer.concat(chunks).toString();
              if (!res.headers["retry-after"] || !body.includes('"code":"OVERLOADED"'))
                shedWellFormed = false;
            }
            resolve();
          });
          res.on("error", () => {
            failed++;
            resolve();
          });
        },
      );
      const deadline = setTimeout(() => req.destroy(new Error("timeout")), o.timeoutMs);
      req.on("close", () => clearTimeout(deadline));
      req.on("error", () => {
        failed++;
        resolve();
      });
      req.end();
    });
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
  };
  const start = performance.now();
  const total = Math.round(o.rate * o.seconds);
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * o.rate));
      while (sent < due) fire(o.paths[sent++ % o.paths.length]);
      if (sent >= total) {
        clearInterval(tick);
        done();
      }
    }, 10);
  });
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    sent,
    accepted: summarize(lat[200]),
    rateLimited: summarize(lat[429]),
    shed: summarize(lat[503]),
    other,
    failed,
    acceptedPerSecond: Math.round(lat[200].length / seconds),
    shedWellFormed,
  };
}
