import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankMatches } from "./matcher.ts";

// Seed: FC_SEED when set (replay), else random; printed either way so a failure can be replayed.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Math.random() * 2 ** 31) | 0;
console.log(`matcher property seed: ${seed} (replay with FC_SEED=${seed})`);

const vocabulary = [
  "电感",
  "磁芯",
  "贴片",
  "inductor",
  "ferrite",
  "sensor",
  "心电",
  "EMC",
  "烧结",
  "wearable",
  "可靠性",
];
const unrelated = ["banana", "violin", "glacier", "茶叶", "诗歌", "zebra", "harbor"];

const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));

describe("matcher properties", () => {
  it("adding an unrelated word to a candidate never lifts it above the exact match", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.constantFrom(...unrelated), { minLength: 1, maxLength: 4 }),
        fc.array(text, { maxLength: 5 }),
        (query, extra, others) => {
          const candidates = [
            { id: "exact", text: query },
            { id: "padded", text: `${query} ${extra.join(" ")}` },
            ...others.map((t, i) => ({ id: `o${i}`, text: t })),
          ];
          const res = rankMatches({ id: "q", text: query }, candidates, candidates.length);
          const exact = res.find((r) => r.id === "exact");
          const padded = res.find((r) => r.id === "padded");
          expect(exact).toBeDefined();
          expect(padded?.score ?? 0).toBeLessThanOrEqual(exact?.score ?? 0);
        },
      ),
      { seed, numRuns: 200 },
    );
  });

  it("an unrelated word in the query never changes which candidates match", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...unrelated),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        (q, w, docs) => {
          const candidates = docs.map((t, i) => ({ id: `c${i}`, text: t }));
          const ids = (query: string): string[] =>
            rankMatches({ id: "q", text: query }, candidates, 99, { minScore: 0 })
              .map((r) => r.id)
              .sort();
          expect(ids(`${q} ${w}`)).toEqual(ids(q));
        },
      ),
      { seed, numRuns: 200 },
    );
  });
});
