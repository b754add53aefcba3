import { describe, expect, it } from "vitest";
import {
  freiburg2014,
  goettingen2017,
  reatPublished,
  shiftShareData,
} from "../fixtures/regional-published.fixture.ts";
import {
  giniConcentration,
  giniSpecialisation,
  herfindahl,
  krugmanIndex,
  locationQuotient,
  locationQuotients,
} from "./concentration.ts";
import { shiftShare } from "./shift-share.ts";

/** REAT prints 7 significant digits; agreement is checked to the printed precision. */
const printed = (v: number, p: number) =>
  expect(Math.abs(v - p)).toBeLessThanOrEqual(5e-7 * Math.max(1, Math.abs(p)));

describe("regional indices against REAT's documented results", () => {
  it("location quotient", () => {
    const { eij, ej, ei, e, expected } = reatPublished.locq;
    printed(locationQuotient(eij, ej, ei, e), expected);
  });
  it("Gini specialisation: textbook case, Freiburg 2014 and Göttingen 2017", () => {
    const fk = reatPublished.giniSpec.farhauerKroell;
    printed(giniSpecialisation(fk.eij, fk.ei), fk.expected);
    printed(giniSpecialisation(freiburg2014.region, freiburg2014.germany), reatPublished.giniSpec.freiburg);
    printed(
      giniSpecialisation(goettingen2017.region, goettingen2017.germany),
      reatPublished.giniSpec.goettingen,
    );
  });
  it("Gini concentration", () => {
    const g = reatPublished.giniConc;
    printed(giniConcentration(g.eij, g.ej), g.expected);
  });
  it("Krugman index: textbook case and Göttingen 2017", () => {
    const k = reatPublished.krugman;
    printed(krugmanIndex(k.a, k.b), k.expected);
    printed(krugmanIndex(goettingen2017.region, goettingen2017.germany), k.goettingen);
  });
  it("Herfindahl index, standardised and equivalent number (printed to 2 decimals)", () => {
    const h = herfindahl(reatPublished.herfindahl.sales);
    expect(h.hhi).toBeCloseTo(reatPublished.herfindahl.hhi, 12);
    expect(h.standardised).toBeCloseTo(reatPublished.herfindahl.standardised, 12);
    expect(Math.abs(h.equivalentNumber - reatPublished.herfindahl.equivalentNumber)).toBeLessThan(0.005);
  });
});

describe("shift-share", () => {
  it("components add up to the actual change per industry and in total", () => {
    for (const region of ["A", "B", "C"] as const) {
      const r = shiftShare({
        industries: ["1", "2", "3", "4"],
        regionStart: shiftShareData[`${region}_t`],
        regionEnd: shiftShareData[`${region}_t1`],
        nationStart: shiftShareData.nation_t,
        nationEnd: shiftShareData.nation_t1,
      });
      for (const row of r.rows) {
        expect(row.nationalShare + row.industryMix + row.competitive).toBeCloseTo(row.totalChange, 10);
      }
      const start = shiftShareData[`${region}_t`].reduce((a, b) => a + b, 0);
      const g =
        shiftShareData.nation_t1.reduce((a, b) => a + b, 0) /
          shiftShareData.nation_t.reduce((a, b) => a + b, 0) -
        1;
      expect(r.total.nationalShare).toBeCloseTo(start * g, 10);
    }
  });
  it("a region with the nation's own structure has LQ 1 everywhere and zero Krugman index", () => {
    const lq = locationQuotients([10, 20, 30], [100, 200, 300]);
    lq.forEach((v) => {
      expect(v).toBeCloseTo(1, 12);
    });
    expect(krugmanIndex([10, 20, 30], [100, 200, 300])).toBeCloseTo(0, 12);
  });
});
