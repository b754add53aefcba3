import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The benchmark data folder: CLUSTERBRAIN_DATASETS, else ../shared/datasets beside the repo. */
export function datasetsDir(): string {
  const dir = process.env.CLUSTERBRAIN_DATASETS ?? join(repoRoot, "..", "shared", "datasets");
  if (!existsSync(dir)) {
    throw new Error(`benchmark data not found at ${dir}; set CLUSTERBRAIN_DATASETS to its folder`);
  }
  return dir;
}

export function datasetPath(...parts: string[]): string {
  return join(datasetsDir(), ...parts);
}
