import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRandom } from "../shared/random.ts";
import { constructGifflerThompson } from "./constructive.ts";
import { FT06_TEXT, MK01_TEXT } from "./fixtures/benchmarks.ts";
import { GraphTimes } from "./graph-times.ts";
import { compileInstance } from "./model.ts";
import { parseBrandimarte } from "./parse-brandimarte.ts";
import { parseJobShop } from "./parse-jobshop.ts";
import { SequenceState } from "./solution.ts";

const cases = [
  ["ft06", compileInstance(parseJobShop(FT06_TEXT))],
  ["mk01", compileInstance(parseBrandimarte(MK01_TEXT))],
] as const;

describe.each(cases)("GraphTimes incremental update on %s", (_name, ci) => {
  it("matches a full recomputation after random shifts and reassignments", () => {
    fc.assert(
      fc.property(fc.nat(10_000), (seed) => {
        const rng = new SeededRandom(seed);
        const st = new SequenceState(ci);
        st.load(constructGifflerThompson(ci, "makespan", rng));
        const times = new GraphTimes(ci, st);
        expect(times.full()).toBe(true);
        for (let step = 0; step < 30; step++) {
          const u = rng.below(ci.opCount);
          const alts = ci.altStart[u + 1] - ci.altStart[u];
          const oldPrev = st.mPrev[u];
          const oldNext = st.mNext[u];
          const oldAlt = st.alt[u];
          st.remove(u);
          st.setAlt(u, rng.below(alts));
          const seq = st.sequence(st.machine[u]);
          st.insertAfter(u, seq.length === 0 ? -1 : (seq[rng.below(seq.length + 1) - 1] ?? -1));
          if (!times.update(u, oldPrev, oldNext)) {
            st.remove(u);
            st.setAlt(u, oldAlt);
            st.insertAfter(u, oldPrev);
            expect(times.full()).toBe(true);
            continue;
          }
          const fresh = new GraphTimes(ci, st);
          expect(fresh.full()).toBe(true);
          expect(Array.from(times.r)).toEqual(Array.from(fresh.r));
          expect(Array.from(times.q)).toEqual(Array.from(fresh.q));
          expect(Array.from(times.jr)).toEqual(Array.from(fresh.jr));
          expect(Array.from(times.jq)).toEqual(Array.from(fresh.jq));
          expect(times.cmax).toBe(fresh.cmax);
        }
      }),
      { numRuns: 40 },
    );
  });
});
