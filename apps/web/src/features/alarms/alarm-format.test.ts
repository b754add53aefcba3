import { describe, expect, it } from "vitest";
import { canAcknowledge, falseAlarmRate } from "./alarm-format.ts";

describe("alarm formatting", () => {
  it("only unacknowledged alarms (active or returned) can be acknowledged", () => {
    expect(canAcknowledge({ state: "unack" })).toBe(true);
    expect(canAcknowledge({ state: "rtn_unack" })).toBe(true);
    expect(canAcknowledge({ state: "acked" })).toBe(false);
    expect(canAcknowledge({ state: "normal" })).toBe(false);
  });

  it("shows the expected false-alarm rate with the mean run between false alarms", () => {
    expect(falseAlarmRate(0.45, "en")).toBe("0.45 (≈ 1 / 22,000)");
    expect(falseAlarmRate(1, "en")).toBe("1 (≈ 1 / 10,000)");
    expect(falseAlarmRate(null, "en")).toBe("—");
    expect(falseAlarmRate(0, "en")).toBe("0");
    expect(falseAlarmRate(1e-9, "en")).toBe("0.000000001 (≈ 1 / ≥ 10,000,000)");
  });
});
