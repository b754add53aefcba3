// `npm run bench -- <name> [args]` runs bench/<name>.bench.ts; each exports `run(args)`.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

interface BenchModule {
  run(args: string[]): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]; available: ${available.join(", ") || "(none)"}`);
  process.exit(2);
}
const mod = (await import(`./${name}.bench.ts`)) as BenchModule;
await mod.run(args);
