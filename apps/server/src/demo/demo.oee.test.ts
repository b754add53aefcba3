import { describe, expect, it } from "vitest";
import { effectiveIntervals, figures, machineOee, periodsOf } from "../modules/oee/oee.calc.ts";
import { demoOeeRows } from "./demo.oee.ts";

const AT = new Date("2026-12-07T04:00:00.000Z");

describe("demo OEE week", () => {
  const rows = demoOeeRows(AT);

  it("is deterministic and covers every demo machine with contiguous intervals", () => {
    expect(demoOeeRows(AT)).toEqual(rows);
    const machines = new Set(rows.events.map((e) => e.machineId));
    expect(machines.size).toBe(rows.settings.length);
    for (const id of machines) {
      const mine = rows.events.filter((e) => e.machineId === id);
      for (let i = 1; i < mine.length; i++) expect(mine[i].startedAt).toEqual(mine[i - 1].endedAt);
      expect(mine.at(-1)?.endedAt).toEqual(AT);
    }
    for (const c of rows.counts) expect(c.good).toBeLessThanOrEqual(c.total ?? 0);
  });

  it("gives a plausible OEE with every loss kind present", () => {
    const id = "demo-cw-1";
    const from = AT.getTime() - 7 * 86_400_000;
    const intervals = rows.events
      .filter((e) => e.machineId === id)
      .map((e) => ({
        id: e.id,
        machineId: id,
        state: e.state,
        reason: e.reason ?? "",
        start: e.startedAt.getTime(),
        end: e.endedAt?.getTime() ?? null,
        source: "tag" as const,
        note: "",
      }));
    const r = machineOee(
      {
        machineId: id,
        idealCycleSeconds: 0.4,
        intervals: effectiveIntervals(intervals, from, AT.getTime()),
        counts: rows.counts
          .filter((c) => c.machineId === id)
          .map((c) => ({ bucket: c.bucket.getTime(), good: c.good ?? 0, total: c.total ?? 0 })),
      },
      periodsOf(from, AT.getTime(), "day"),
    );
    const f = figures(r.total);
    expect(f.oee).toBeGreaterThan(0.4);
    expect(f.oee).toBeLessThan(0.8);
    expect(f.losses.breakdowns).toBeGreaterThan(0);
    expect(f.losses.setupAdjustments).toBeGreaterThan(0);
    expect(f.losses.smallStops).toBeGreaterThan(0);
    expect(f.losses.unaccounted).toBe(0);
  });
});
