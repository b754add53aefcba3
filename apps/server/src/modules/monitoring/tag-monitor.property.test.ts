import { syntheticStream } from "@clusterbrain/engine/monitor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MonitorEvent, TagMonitor, type TagMonitorSnapshot } from "./tag-monitor.ts";

const LEARN = 1440;
// The seed is printed so a failure can be replayed with FC_SEED=<seed>.
const seed = fc.readConfigureGlobal().seed ?? Math.floor(Math.random() * 2 ** 31);
console.log(`tag monitor property seed: ${seed}`);

// A stream with a level shift after the learning part: alarms do happen while it is replayed.
const stream = syntheticStream("pressure", "level-shift", 7, { length: LEARN + 2000, learn: LEARN });
const learned = TagMonitor.learn(
  "PT-1",
  stream.timestamps.subarray(0, LEARN),
  stream.values.subarray(0, LEARN),
  10_000,
);
const base = JSON.stringify(learned.snapshot());
const fresh = () => TagMonitor.restore("PT-1", JSON.parse(base) as TagMonitorSnapshot);

/** Operator actions between points: nothing (mostly), acknowledge, or shelve for k points. */
type Action = { kind: "none" } | { kind: "ack" } | { kind: "shelve"; points: number };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 30, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "ack" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("shelve" as const), points: fc.integer({ min: 1, max: 50 }) }),
  },
);

/** Replays points from..to of the stream with the actions, on `m`. */
function run(m: TagMonitor, from: number, to: number, actions: readonly Action[]): MonitorEvent[] {
  const out: MonitorEvent[] = [];
  for (let i = from; i < to; i++) {
    const t = stream.timestamps[LEARN + i];
    const a = actions[i % actions.length];
    if (a.kind === "ack") out.push(...m.acknowledge(t - 1, "op"));
    if (a.kind === "shelve") out.push(...m.shelve(t - 1, t + a.points * 60_000, "op"));
    out.push(...m.feed(t, stream.values[LEARN + i]));
  }
  return out;
}

/** The states an occurrence may move from, per event kind (ISA-18.2: no state is skipped). */
const FROM: Record<string, readonly (string | undefined)[]> = {
  raised: [undefined],
  escalated: ["unack", "acked"],
  acknowledged: ["unack", "rtn_unack"],
  returned: ["unack"],
  cleared: ["acked"],
};

function checkLifeCycle(events: readonly MonitorEvent[]): void {
  const state = new Map<number, string>();
  let openOccurrence: number | null = null;
  for (const e of events) {
    if (e.kind === "shelved" || e.kind === "unshelved") continue;
    expect(FROM[e.kind], `${e.kind} of ${e.occurrence} from ${state.get(e.occurrence)}`).toContain(
      state.get(e.occurrence),
    );
    if (e.kind === "raised") {
      // Never raised twice per excursion: a new occurrence only after the previous one returned.
      expect(openOccurrence).toBeNull();
      openOccurrence = e.occurrence;
    }
    if (e.kind === "returned" || e.kind === "cleared") openOccurrence = null;
    state.set(e.occurrence, e.state);
  }
}

describe("tag monitor (warning detector → ISA-18.2 alarm machine)", () => {
  it("the injected level shift raises exactly one alarm", () => {
    const events = run(fresh(), 0, 2000, [{ kind: "none" }]);
    const raised = events.filter((e) => e.kind === "raised");
    expect(raised).toHaveLength(1);
    expect(raised[0].timestamp).toBeGreaterThanOrEqual(stream.timestamps[stream.faultStart]);
    checkLifeCycle(events);
  });

  it("property: the life cycle never skips a state and raises once per excursion, whatever the operator does", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 60 }), (actions) => {
        checkLifeCycle(run(fresh(), 0, 2000, actions));
      }),
      { numRuns: 15, seed },
    );
  });

  it("property: a snapshot restored mid-stream (through JSON, as the database stores it) gives identical alarms", () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        (actions, cut) => {
          const expected = run(fresh(), 0, 2000, actions);
          const first = fresh();
          const got = run(first, 0, cut, actions);
          const restored = TagMonitor.restore(
            "PT-1",
            JSON.parse(JSON.stringify(first.snapshot())) as TagMonitorSnapshot,
          );
          got.push(...run(restored, cut, 2000, actions));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 15, seed },
    );
  });
});
