// Property tests explore with random seeds locally. Under CI the seed comes from the commit
// (scripts/fast-check-seed.ts): reproducible for a commit, different from one commit to the next,
// so rare counterexamples surface over time. FC_SEED picks a seed anywhere (e.g. to replay a
// failure); tests that pass their own seed keep it. fast-check names the seed in every failure.
import fc from "fast-check";
import { fastCheckSeed } from "./fast-check-seed.ts";

const seed = fastCheckSeed();
if (seed !== undefined) fc.configureGlobal({ seed });
