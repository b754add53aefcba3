import { Agent, request } from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadOptions {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  base: string;
  /** Paths to request in rotation. */
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  /** Measured requests (after warm-up). */
  requests: number;
  warmup: number;
}

function once(agent: Agent, base: URL, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path, method: "GET", agent, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * A closed-loop load generator: `concurrency` workers, each with its own keep-alive connection,
 * send the next request as soon as the previous answers, until `requests` have been measured.
 * Latency is measured per request from send to the end of the body.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const base = new URL(o.base);
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  let next = 0;
  const total = o.warmup + o.requests;
  const latencies: number[] = [];
  let errors = 0;
  let measureStart = 0;
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= total) return;
      if (n === o.warmup) measureStart = performance.now();
      const t0 = performance.now();
      let status = 0;
      try {
        status = await once(agent, base, o.paths[n % o.paths.length], o.headers);
      } catch {
        status = 0;
      }
      const ms = performance.now() - t0;
      if (n >= o.warmup) {
        latencies.push(ms);
        if (status !== 200) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - measureStart) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    rps: Math.round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? Number.NaN),
  };
}
