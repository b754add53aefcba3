// The fast-check seed for a CI run: derived from the commit, so each commit explores new cases
// (a rare counterexample surfaces instead of hiding behind one fixed seed) while a run stays
// reproducible: re-run the same commit, or set FC_SEED to the printed value, to replay it.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A signed 32-bit seed from the first 8 hex digits of a commit hash. */
export function seedFromCommit(sha: string): number {
  const head = /^[0-9a-f]{8}/i.exec(sha.trim());
  if (!head) throw new Error(`not a commit hash: ${JSON.stringify(sha)}`);
  return Number.parseInt(head[0], 16) | 0;
}

/** The commit being tested: FC_COMMIT (exported by .ci/run) or `git rev-parse HEAD`; undefined outside git. */
export function currentCommit(): string | undefined {
  if (process.env.FC_COMMIT) return process.env.FC_COMMIT;
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

/** FC_SEED when set (replay), else under CI the commit's seed, else undefined (random locally). */
export function fastCheckSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.FC_SEED !== undefined && env.FC_SEED !== "") {
    const seed = Number(env.FC_SEED);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${env.FC_SEED}`);
    return seed;
  }
  if (!env.CI) return undefined;
  const commit = currentCommit();
  return commit === undefined ? 20261127 : seedFromCommit(commit);
}

// `tsx scripts/fast-check-seed.ts` prints the seed, so .ci/run can log and export it once.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seed = fastCheckSeed({ ...process.env, CI: "true" });
  process.stdout.write(`${seed}\n`);
}
