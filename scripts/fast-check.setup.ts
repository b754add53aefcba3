// Property tests explore with random seeds locally; CI must be reproducible, so a failure there
// can be replayed and a rare counterexample found by one run does not come and go. FC_SEED
// picks a seed anywhere (e.g. to replay a local failure); tests that pass their own seed keep it.
import fc from "fast-check";

const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined ? Number(fromEnv) : process.env.CI ? 20261127 : undefined;
if (seed !== undefined && Number.isInteger(seed)) fc.configureGlobal({ seed });
