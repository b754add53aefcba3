import { PassThrough, Readable } from "node:stream";
import { createDetector } from "@clusterbrain/engine/monitor";
import { describe, expect, it } from "vitest";
import { detectStream } from "./detect.command.ts";

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
