import { describe, expect, it } from "vitest";
import { eventSubject } from "./trace-event.summary.ts";

describe("eventSubject", () => {
  it("names the lot, its inputs, the device and the shipment's destination", () => {
    expect(
      eventSubject({
        type: "production-lot",
        payload: { lot: "P-1", product: "inductor", inputs: [{ orgId: "a", lot: "FE-1" }] },
      }),
    ).toBe("P-1 · inductor ← a/FE-1");
    expect(eventSubject({ type: "device", payload: { udi: "(01)0950(21)S1", productionLot: "P-1" } })).toBe(
      "(01)0950(21)S1 ← P-1",
    );
    expect(
      eventSubject({
        type: "shipment",
        payload: { shipment: "SH-1", toOrgId: "h", udis: ["x", "y"], lots: [] },
      }),
    ).toBe("SH-1 → h (2)");
    expect(
      eventSubject({
        type: "material-lot",
        payload: { lot: "FE-1", material: "ferrite", quantity: 5, unit: "kg" },
      }),
    ).toBe("FE-1 · ferrite 5 kg");
  });
});
