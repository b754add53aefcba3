import { describe, expect, it } from "vitest";
import {
  downtimeOf,
  minutesOf,
  parseWorkdays,
  wallClock,
  weekday,
  workingWindows,
} from "./scheduling.calendar.ts";

describe("machine calendars", () => {
  it("shifts merge across midnight; a holiday is off and a 调休 Saturday works", () => {
    // 2027-02-08 is a Monday; the 10th (Wed) is a holiday, the 13th (Sat) a swapped working day.
    const exceptions = new Map<string, "holiday" | "workday">([
      ["2027-02-10", "holiday"],
      ["2027-02-13", "workday"],
    ]);
    const w = workingWindows(
      { shifts: "16:00-24:00;00:00-08:00", workdays: "1-5" },
      exceptions,
      "2027-02-08",
      7,
    );
    // In hours from Monday 00:00.
    expect(w.map((iv) => [iv.start / 60, iv.end / 60])).toEqual([
      [0, 8],
      [16, 32],
      [40, 48],
      [72, 80],
      [88, 104],
      [112, 128],
      [136, 144],
    ]);
    expect(downtimeOf(w, 7 * 1440)[0]).toEqual({ start: 480, end: 960 });
    expect(downtimeOf(w, 7 * 1440).at(-1)).toEqual({ start: 6 * 1440, end: 7 * 1440 });
  });

  it("weekdays, wall clock and minutes round-trip", () => {
    expect([...parseWorkdays("1-3,6")]).toEqual([1, 2, 3, 6]);
    expect(weekday("2026-12-13")).toBe(7);
    expect(wallClock("2026-12-07", 1440 + 75)).toBe("2026-12-08T01:15");
    expect(minutesOf("2026-12-07", "2026-12-08T01:15")).toBe(1515);
  });
});
