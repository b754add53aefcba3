import { AnalyticsError } from "../errors.ts";

export interface ShiftShareInput {
  industries: readonly string[];
  regionStart: readonly number[];
  regionEnd: readonly number[];
  nationStart: readonly number[];
  nationEnd: readonly number[];
}

export interface ShiftShareRow {
  industry: string;
  /** e_i⁰ · G: growth had the industry grown like the whole nation. */
  nationalShare: number;
  /** e_i⁰ · (g_i − G): the industry's national growth relative to all industries. */
  industryMix: number;
  /** e_i⁰ · (r_i − g_i): the region's own advantage in the industry. */
  competitive: number;
  totalChange: number;
}

export interface ShiftShareResult {
  rows: ShiftShareRow[];
  total: Omit<ShiftShareRow, "industry">;
}

/**
 * Classic additive shift-share (Dunn 1960): Δe_i = e_i⁰G + e_i⁰(g_i − G) + e_i⁰(r_i − g_i), where G is
 * the nation's total growth rate, g_i the nation's industry rate and r_i the region's industry rate.
 * A regional industry starting at zero has no defined rate; its whole change is booked as competitive.
 */
export function shiftShare(input: ShiftShareInput): ShiftShareResult {
  const n = input.industries.length;
  for (const [name, v] of Object.entries({
    regionStart: input.regionStart,
    regionEnd: input.regionEnd,
    nationStart: input.nationStart,
    nationEnd: input.nationEnd,
  })) {
    if (v.length !== n)
      throw new AnalyticsError("DIMENSION_MISMATCH", `${name} has ${v.length} values for ${n} industries`);
    v.forEach((x, i) => {
      if (!Number.isFinite(x) || x < 0) {
        throw new AnalyticsError("INVALID_INPUT", `${name} for ${input.industries[i]} is ${x}`, {
          row: i + 1,
          column: name,
        });
      }
    });
  }
  const n0 = input.nationStart.reduce((a, b) => a + b, 0);
  const n1 = input.nationEnd.reduce((a, b) => a + b, 0);
  if (n0 <= 0) throw new AnalyticsError("INVALID_INPUT", "national start total must be > 0");
  const G = n1 / n0 - 1;
  const rows = input.industries.map((industry, i): ShiftShareRow => {
    const e0 = input.regionStart[i];
    const e1 = input.regionEnd[i];
    const g = input.nationStart[i] > 0 ? input.nationEnd[i] / input.nationStart[i] - 1 : G;
    const nationalShare = e0 * G;
    const industryMix = e0 * (g - G);
    return {
      industry,
      nationalShare,
      industryMix,
      competitive: e1 - e0 - nationalShare - industryMix,
      totalChange: e1 - e0,
    };
  });
  const sum = (k: keyof Omit<ShiftShareRow, "industry">) => rows.reduce((a, r) => a + r[k], 0);
  return {
    rows,
    total: {
      nationalShare: sum("nationalShare"),
      industryMix: sum("industryMix"),
      competitive: sum("competitive"),
      totalChange: sum("totalChange"),
    },
  };
}
