import { PassThrough, Readable } from "node:stream";
import { createDetector, learnWarningDetector, syntheticStream } from "@clusterbrain/engine/monitor";
import { describe, expect, it } from "vitest";
import { detectStream } from "./detect.command.ts";
import { detectAutoStream, formatWarningReport, type LearnSpec, parseLearn } from "./detect-auto.stream.ts";

const csv = [
  "timestamp,value",
  ...Array.from({ length: 300 }, (_, i) => {
    const ts = new Date(Date.UTC(2024, 0, 1, 0, 5 * i)).toISOString().slice(0, 19).replace("T", " ");
    return `${ts},${i === 250 ? 90 : i === 120 ? "" : (10 + Math.sin(i / 7)).toFixed(3)}`;
  }),
].join("\n");

async function run(text: string): Promise<string[]> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (c: Buffer) => chunks.push(c.toString()));
  await detectStream(Readable.from([text]), out, "context", { warmup: 50, restPeriod: 20 });
  return chunks.join("").trim().split("\n");
}

describe("clusterbrain detect", () => {
  it("writes one scored row per input row, identical to the engine's own scores", async () => {
    const lines = await run(csv);
    expect(lines[0]).toBe("timestamp,value,anomaly_score,alarm");
    expect(lines).toHaveLength(301);
    const d = createDetector("context", { warmup: 50, restPeriod: 20 });
    csv
      .split("\n")
      .slice(1)
      .forEach((line, i) => {
        const [ts, v] = line.split(",");
        const r = d.update(Date.parse(`${ts.replace(" ", "T")}Z`), v === "" ? Number.NaN : Number(v));
        const cols = lines[i + 1].split(",");
        expect(cols[0]).toBe(ts);
        expect(Number(cols[2])).toBe(r.score);
        expect(cols[3]).toBe(r.flags.includes("anomaly") ? "1" : "0");
      });
    expect(lines[251].endsWith(",1")).toBe(true);
  });

  it("reports an unreadable value with its row and column", async () => {
    await expect(run("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc")).rejects.toThrow(
      /row 3: column 2/,
    );
  });
});

describe("clusterbrain detect without --detector (per-tag automatic early warning)", () => {
  const s = syntheticStream("pressure", "level-shift", 5);
  const text = [
    "timestamp,value",
    ...Array.from(s.values, (v, i) => `${new Date(s.timestamps[i]).toISOString()},${v}`),
  ].join("\n");

  async function auto(learn: LearnSpec): Promise<{ lines: string[]; report: string }> {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c: Buffer) => chunks.push(c.toString()));
    const d = await detectAutoStream(() => Readable.from([text]), out, { learn });
    return { lines: chunks.join("").trim().split("\n"), report: formatWarningReport(d.report) };
  }

  it("learns from the first 25 % and then alarms exactly as the engine's detector does", async () => {
    const { lines, report } = await auto(parseLearn("25%"));
    expect(lines).toHaveLength(s.values.length + 1);
    const learn = Math.floor(s.values.length / 4);
    const d = learnWarningDetector(s.timestamps.subarray(0, learn), s.values.subarray(0, learn));
    const expected = Array.from(s.values, (v, i) =>
      i < learn ? 0 : d.update(s.timestamps[i], v).alarm ? 1 : 0,
    );
    expect(lines.slice(1).map((l) => Number(l.split(",")[3]))).toEqual(expected);
    expect(expected.slice(s.faultStart).includes(1)).toBe(true);
    expect(report).toMatch(/chosen chart: .*\n# thresholds: shewhart/);
    expect(report).toMatch(
      /expected false alarms [\d.]+ per 10,000 in-control points \(ARL \d+; target 10000\)/,
    );
  });

  it("takes --learn as a row count and refuses a file shorter than it", async () => {
    const { lines } = await auto(parseLearn("2000"));
    expect(lines.slice(1, 2001).every((l) => l.endsWith(",0,0"))).toBe(true);
    await expect(auto({ rows: 10_000 })).rejects.toThrow(/fewer than the 10000/);
    expect(() => parseLearn("10")).toThrow(/≥ 30/);
    expect(() => parseLearn("150%")).toThrow(/between 0 and 100/);
  });
});
