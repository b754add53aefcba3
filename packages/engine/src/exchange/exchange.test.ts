import { describe, expect, it } from "vitest";
import { ExchangeError, idleCapacity, type OfferInput, type RfqInput, rankOffers } from "./index.ts";

describe("idle capacity from a schedule", () => {
  it("is the calendars' working time minus the scheduled operations, per group and bucket", () => {
    const groups = idleCapacity(
      [
        {
          group: "WIND",
          windows: [
            { start: 0, end: 100 },
            { start: 200, end: 300 },
          ],
          busy: [{ start: 10, end: 60 }],
        },
        // Overlapping operations count once; an operation outside the windows takes nothing idle.
        {
          group: "WIND",
          windows: [{ start: 0, end: 100 }],
          busy: [
            { start: 0, end: 30 },
            { start: 20, end: 40 },
            { start: 150, end: 160 },
          ],
        },
        { group: "MOLD", windows: [{ start: 0, end: 300 }], busy: [] },
      ],
      [
        { start: 0, end: 150 },
        { start: 150, end: 300 },
      ],
    );
    expect(groups).toEqual([
      {
        group: "MOLD",
        machines: 1,
        buckets: [
          { capacity: 150, idle: 150 },
          { capacity: 150, idle: 150 },
        ],
      },
      {
        group: "WIND",
        machines: 2,
        buckets: [
          { capacity: 200, idle: 110 },
          { capacity: 100, idle: 100 },
        ],
      },
    ]);
  });

  it("refuses a bucket that ends before it starts", () => {
    expect(() => idleCapacity([], [{ start: 5, end: 5 }])).toThrow(ExchangeError);
  });
});

const rfq: RfqInput = {
  process: "winding",
  hours: 40,
  fromDay: 100,
  toDay: 109,
  certifications: ["ISO 13485"],
  district: "南湖区",
  today: 95,
};
const offer = (o: Partial<OfferInput> & { id: string }): OfferInput => ({
  process: "winding",
  hoursAvailable: 40,
  fromDay: 100,
  toDay: 109,
  leadTimeDays: 0,
  pricePerHour: 100,
  certifications: ["ISO 13485"],
  district: "南湖区",
  ...o,
});

describe("ranking offers against an RFQ", () => {
  it("keeps only the same process with an overlapping window, best first, with reasons", () => {
    const ranked = rankOffers(rfq, [
      offer({ id: "other-process", process: "smt" }),
      offer({ id: "no-overlap", fromDay: 120, toDay: 130 }),
      offer({ id: "half-window", fromDay: 105 }),
      offer({ id: "full" }),
      offer({ id: "few-hours", hoursAvailable: 10 }),
      offer({ id: "elsewhere-dear", district: "秀洲区", pricePerHour: 200 }),
    ]);
    expect(ranked.map((r) => r.offerId)).toEqual(["full", "half-window", "elsewhere-dear", "few-hours"]);
    expect(ranked[0].score).toBe(1);
    const half = ranked[1].reasons.find((r) => r.code === "window");
    expect(half).toMatchObject({ value: 0.5, figure: 5 });
    const dear = ranked[2].reasons;
    expect(dear.find((r) => r.code === "price")?.value).toBe(0.5);
    expect(dear.find((r) => r.code === "district")?.value).toBe(0);
    expect(ranked[3].reasons.find((r) => r.code === "hours")).toMatchObject({ value: 0.25, figure: 10 });
  });

  it("an offer without a window is available from today plus its lead time", () => {
    const ranked = rankOffers(rfq, [offer({ id: "late", fromDay: null, toDay: null, leadTimeDays: 10 })]);
    expect(ranked[0].reasons.find((r) => r.code === "window")?.figure).toBe(5);
    expect(
      rankOffers(rfq, [offer({ id: "too-late", fromDay: null, toDay: null, leadTimeDays: 20 })]),
    ).toEqual([]);
  });

  it("missing certifications lower the score; ties go to the cheaper offer", () => {
    const ranked = rankOffers(rfq, [
      offer({ id: "b", certifications: [] }),
      offer({ id: "a", certifications: [] }),
    ]);
    expect(ranked.map((r) => r.offerId)).toEqual(["a", "b"]);
    expect(ranked[0].score).toBe(0.85);
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => rankOffers({ ...rfq, toDay: 90 }, [])).toThrow(ExchangeError);
  });
});
