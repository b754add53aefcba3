import { describe, expect, it } from "vitest";
import { chooseTier } from "./telemetry.tier.ts";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const H = 3_600_000;
const D = 24 * H;

describe("chooseTier", () => {
  it("reads raw points for short recent ranges, 1-minute rollups up to 3 days, 1-hour beyond", () => {
    expect(chooseTier(NOW - 15 * 60_000, NOW, NOW)).toBe("raw");
    expect(chooseTier(NOW - 2 * H, NOW, NOW)).toBe("raw");
    expect(chooseTier(NOW - 2 * H - 1, NOW, NOW)).toBe("1m");
    expect(chooseTier(NOW - 3 * D, NOW, NOW)).toBe("1m");
    expect(chooseTier(NOW - 3 * D - 1, NOW, NOW)).toBe("1h");
    expect(chooseTier(NOW - 365 * D, NOW, NOW)).toBe("1h");
  });

  it("moves to a coarser tier when the range starts before the finer tier's retention", () => {
    // a 1-hour window 8 days ago: raw points are gone (7 days), the 1-minute rollups are kept
    expect(chooseTier(NOW - 8 * D, NOW - 8 * D + H, NOW)).toBe("1m");
    // a 1-hour window 100 days ago: only the hourly rollups remain
    expect(chooseTier(NOW - 100 * D, NOW - 100 * D + H, NOW)).toBe("1h");
    // with a custom retention of 1 day for raw points
    expect(chooseTier(NOW - 2 * D, NOW - 2 * D + H, NOW, { raw: 1, "1m": 90, "1h": 1825 })).toBe("1m");
  });

  it("treats an empty or inverted range as the shortest", () => {
    expect(chooseTier(NOW, NOW, NOW)).toBe("raw");
    expect(chooseTier(NOW, NOW - D, NOW)).toBe("raw");
  });
});
