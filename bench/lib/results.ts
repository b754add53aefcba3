import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");

/** Writes bench/results/<name>.json and <name>.md; every benchmark reports through here. */
export function writeResults(name: string, json: unknown, markdown: string): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${name}.md`), markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  console.log(`wrote bench/results/${name}.json and ${name}.md`);
}

/** Machine facts to print beside every figure, so results can be compared honestly. */
export async function machineInfo(): Promise<Record<string, string | number>> {
  const os = await import("node:os");
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}
