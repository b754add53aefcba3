import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MonitorError } from "../errors.ts";
import { type AlarmEvent, AlarmMachine } from "./alarm-machine.ts";

const def = {
  tag: "TT-101",
  direction: "high" as const,
  levels: [
    { severity: "medium" as const, limit: 80 },
    { severity: "critical" as const, limit: 95 },
  ],
  deadband: 2,
  onDelay: 3,
  offDelay: 3,
};

function feed(m: AlarmMachine, values: number[], t0 = 0): AlarmEvent[] {
  return values.flatMap((v, i) => m.update(t0 + i, v));
}

describe("ISA-18.2 style alarm machine", () => {
  it("one excursion that chatters around the limit raises exactly one alarm", () => {
    const m = new AlarmMachine(def);
    const chatter = [70, 85, 86, 87, 88, 81, 79.5, 81, 79, 81, 79, 81, 70, 70, 70, 70];
    const ev = feed(m, chatter);
    expect(ev.filter((e) => e.kind === "raised")).toHaveLength(1);
    expect(ev.filter((e) => e.kind === "returned")).toHaveLength(1);
    expect(m.current.state).toBe("rtn_unack");
  });

  it("the same chatter without deadband and delays would raise an alarm per crossing", () => {
    const bare = new AlarmMachine({ ...def, deadband: 0, onDelay: 0, offDelay: 0 });
    const chatter = [70, 85, 86, 87, 88, 81, 79.5, 81, 79, 81, 79, 81, 70, 70, 70, 70];
    expect(feed(bare, chatter).filter((e) => e.kind === "raised").length).toBe(4);
  });

  it("on-delay ignores a spike shorter than the delay", () => {
    const m = new AlarmMachine(def);
    expect(feed(m, [70, 85, 86, 70, 70])).toEqual([]);
  });

  it("escalates the same occurrence to critical instead of raising a second alarm", () => {
    const m = new AlarmMachine(def);
    const ev = feed(m, [85, 85, 85, 85, 97, 98]);
    expect(ev.map((e) => e.kind)).toEqual(["raised", "escalated"]);
    expect(new Set(ev.map((e) => e.occurrence))).toEqual(new Set([1]));
    expect(m.current.severity).toBe("critical");
  });

  it("acknowledge then return to normal: unack → acked → normal", () => {
    const m = new AlarmMachine(def);
    feed(m, [85, 85, 85, 85]);
    expect(m.current.state).toBe("unack");
    expect(m.acknowledge(4, "operator")[0].kind).toBe("acknowledged");
    expect(m.current.state).toBe("acked");
    const ev = feed(m, [77, 77, 77, 77], 5);
    expect(ev.map((e) => e.kind)).toEqual(["cleared"]);
    expect(m.current.state).toBe("normal");
  });

  it("return first, acknowledge later: unack → rtn_unack → normal; a new excursion is a new occurrence", () => {
    const m = new AlarmMachine(def);
    feed(m, [85, 85, 85, 85, 70, 70, 70, 70]);
    expect(m.current.state).toBe("rtn_unack");
    m.acknowledge(9, "operator");
    expect(m.current.state).toBe("normal");
    const ev = feed(m, [90, 90, 90, 90], 10);
    expect(ev).toHaveLength(1);
    expect(ev[0].occurrence).toBe(2);
  });

  it("deadband: hovering just under the limit does not clear", () => {
    const m = new AlarmMachine(def);
    const ev = feed(m, [85, 85, 85, 85, 79, 79, 79, 79, 79, 79]);
    expect(ev.map((e) => e.kind)).toEqual(["raised"]);
  });

  it("shelving hides an excursion; unshelving while it is still active annunciates it once", () => {
    const m = new AlarmMachine(def);
    m.shelve(0, 10, "supervisor");
    const hidden = feed(m, [85, 85, 85, 85, 85]);
    expect(hidden).toEqual([]);
    const after = feed(m, [85, 85, 85, 85, 85, 85], 5);
    expect(after.map((e) => e.kind)).toEqual(["unshelved", "raised"]);
  });

  it("an alarm acknowledged before shelving is not raised again on unshelve", () => {
    const m = new AlarmMachine(def);
    feed(m, [85, 85, 85, 85]);
    m.acknowledge(4, "op");
    m.shelve(5, 7, "op");
    const ev = feed(m, [85, 85, 85], 5);
    expect(ev.map((e) => e.kind)).toEqual(["unshelved"]);
  });

  it("bad definitions are typed errors", () => {
    expect(() => new AlarmMachine({ ...def, levels: [] })).toThrow(MonitorError);
    expect(() => new AlarmMachine({ ...def, onDelay: -1 })).toThrow(/delays/);
  });

  it("property: never two raised events without a clear in between, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 50, max: 110 }), fc.constant(Number.NaN)), { maxLength: 300 }),
        (xs) => {
          const m = new AlarmMachine(def);
          let open = false;
          for (const e of feed(m, xs)) {
            if (e.kind === "raised") {
              expect(open).toBe(false);
              open = true;
            }
            if (e.kind === "returned" || e.kind === "cleared") open = false;
          }
        },
      ),
    );
  });
});
