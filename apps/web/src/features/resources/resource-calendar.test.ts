import type { Calendar } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { addDays, clusterDay, clusterInstant, slotTimes, weekGrid, weekStart } from "./resource-calendar.ts";

describe("resource calendar (cluster time, UTC+8)", () => {
  it("finds the cluster day and the Monday of its week", () => {
    expect(clusterDay(new Date("2026-03-01T17:30:00Z"))).toBe("2026-03-02"); // 01:30 next day in Jiaxing
    expect(weekStart("2026-03-04")).toBe("2026-03-02");
    expect(weekStart("2026-03-08")).toBe("2026-03-02"); // Sunday belongs to the week before
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(clusterInstant("2026-03-02", 9).toISOString()).toBe("2026-03-02T01:00:00.000Z");
  });

  it("marks each opening hour free, past, mine, pending or taken; a partial overlap takes the hour", () => {
    const calendar: Calendar = {
      resourceId: "r",
      openHour: 9,
      closeHour: 13,
      slots: [
        {
          startsAt: "2026-03-03T09:00:00+08:00",
          endsAt: "2026-03-03T10:30:00+08:00",
          status: "approved",
          mine: true,
          bookingId: "b1",
        },
        {
          startsAt: "2026-03-03T12:00:00+08:00",
          endsAt: "2026-03-03T13:00:00+08:00",
          status: "pending",
          mine: false,
          bookingId: null,
        },
        {
          startsAt: "2026-03-04T11:00:00+08:00",
          endsAt: "2026-03-04T12:00:00+08:00",
          status: "approved",
          mine: false,
          bookingId: null,
        },
      ],
    };
    const grid = weekGrid(calendar, "2026-03-02", new Date("2026-03-02T02:00:00Z")); // Monday 10:00
    expect(grid).toHaveLength(7);
    expect(grid[0].cells.map((c) => c.state)).toEqual(["past", "free", "free", "free"]);
    expect(grid[1].cells.map((c) => c.state)).toEqual(["mine", "mine", "free", "pending"]);
    expect(grid[2].cells.map((c) => c.state)).toEqual(["free", "free", "taken", "free"]);
  });

  it("builds the request times, midnight as the next day", () => {
    expect(slotTimes("2026-03-03", 9, 12)).toEqual({
      startsAt: "2026-03-03T09:00:00+08:00",
      endsAt: "2026-03-03T12:00:00+08:00",
    });
    expect(slotTimes("2026-03-31", 20, 24).endsAt).toBe("2026-04-01T00:00:00+08:00");
  });
});
