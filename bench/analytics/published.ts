/**
 * Every published value in the econ data sets beside ours, read at run time from the data folder
 * (each folder's expected.json names its source). Tolerances are the targets: DEA scores and
 * Moran's I 1e-6, multipliers 1e-4; other values at their printed precision.
 */
import { readFileSync } from "node:fs";
import {
  buildWeights,
  type DeaData,
  giniConcentration,
  giniSpecialisation,
  herfindahl,
  inputOutput,
  krugmanIndex,
  latticeWeights,
  locationQuotient,
  malmquist,
  moranI,
  numericColumn,
  parseCsv,
  parseGal,
  radialDea,
  sbm,
} from "@clusterbrain/engine/analytics";
import { datasetPath } from "../lib/datasets.ts";

export interface PublishedRow {
  set: string;
  quantity: string;
  published: number;
  ours: number;
  tolerance: number;
  ok: boolean;
  note?: string;
}

type Json = Record<string, unknown>;
const readJson = (...p: string[]): Json => JSON.parse(readFileSync(datasetPath(...p), "utf8")) as Json;
const csv = (...p: string[]) => parseCsv(readFileSync(datasetPath(...p), "utf8"));
const get = (o: unknown, ...keys: string[]): unknown => keys.reduce((acc, k) => (acc as Json)[k], o);

function row(
  set: string,
  quantity: string,
  published: number,
  ours: number,
  tolerance: number,
  note?: string,
): PublishedRow {
  return { set, quantity, published, ours, tolerance, ok: Math.abs(ours - published) <= tolerance, note };
}

function deaRows(): PublishedRow[] {
  const exp = readJson("econ", "dea", "expected.json");
  const out: PublishedRow[] = [];
  const load = (file: string, xs: string[], ys: string[]): DeaData => {
    const t = csv("econ", "dea", file);
    const xc = xs.map((c) => numericColumn(t, c));
    const yc = ys.map((c) => numericColumn(t, c));
    return {
      inputs: t.rows.map((_, k) => xc.map((c) => c[k])),
      outputs: t.rows.map((_, k) => yc.map((c) => c[k])),
    };
  };
  const d11 = load("dea_11dmu_2in_1out.csv", ["x1", "x2"], ["y1"]);
  for (const [key, rts, orientation] of [
    ["CCR_input", "crs", "input"],
    ["CCR_output", "crs", "output"],
    ["BCC_input", "vrs", "input"],
    ["BCC_output", "vrs", "output"],
  ] as const) {
    const r = radialDea(d11, { rts, orientation });
    const pub = get(exp, "dea_11dmu_2in_1out.csv", key) as {
      efficiency: number[];
      slacks_x: number[][];
      slacks_y: number[];
    };
    pub.efficiency.forEach((v, i) => {
      out.push(row("dea 11×2×1", `${key} unit ${i + 1}`, v, r.units[i].efficiency, 1e-6));
    });
    pub.slacks_x.forEach((sx, i) => {
      sx.forEach((v, k) => {
        if (v !== 0)
          out.push(row("dea 11×2×1", `${key} s⁻${k + 1} unit ${i + 1}`, v, r.units[i].slacksX[k], 1e-6));
      });
      if (pub.slacks_y[i] !== 0)
        out.push(row("dea 11×2×1", `${key} s⁺ unit ${i + 1}`, pub.slacks_y[i], r.units[i].slacksY[0], 1e-6));
    });
  }
  const d8a = load("dea_8dmu_2in_unit_out.csv", ["x1", "x2"], ["y1"]);
  (get(exp, "dea_8dmu_2in_unit_out.csv", "CCR_input", "efficiency") as number[]).forEach((v, i) => {
    out.push(row("dea 8×2×1", `CCR_input unit ${i + 1}`, v, radialDea(d8a).units[i].efficiency, 1e-6));
  });
  const d8b = load("dea_8dmu_unit_in_2out.csv", ["x1"], ["y1", "y2"]);
  const r8b = radialDea(d8b, { orientation: "output" });
  (get(exp, "dea_8dmu_unit_in_2out.csv", "CCR_output", "efficiency") as number[]).forEach((v, i) => {
    out.push(row("dea 8×1×2", `CCR_output unit ${i + 1}`, v, r8b.units[i].efficiency, 1e-6));
  });
  const erg = load("erg_sbm_8dmu_1in_1out.csv", ["x1"], ["y1"]);
  for (const [key, rts] of [
    ["ERG_SBM_CRS", "crs"],
    ["ERG_SBM_VRS", "vrs"],
  ] as const) {
    const r = sbm(erg, { rts });
    (get(exp, "erg_sbm_8dmu_1in_1out.csv", key, "efficiency") as number[]).forEach((v, i) => {
      out.push(row("sbm 8×1×1", `${key} unit ${i + 1}`, v, r.units[i].efficiency, 1e-6));
    });
  }
  return out;
}

function malmquistRows(): PublishedRow[] {
  const exp = readJson("econ", "malmquist", "expected.json");
  const t = csv("econ", "malmquist", "malmquist_5dmu_3periods_1in_1out.csv");
  const period = numericColumn(t, "period");
  const x = numericColumn(t, "x1");
  const y = numericColumn(t, "y1");
  const periods = [...new Set(period)].sort((a, b) => a - b);
  const data = periods.map((p) => {
    const idx = period.map((q, k) => (q === p ? k : -1)).filter((k) => k >= 0);
    return { inputs: idx.map((k) => [x[k]]), outputs: idx.map((k) => [y[k]]) };
  });
  const rows = malmquist({ periods: periods.map(String), data });
  const out: PublishedRow[] = [];
  for (const q of ["M", "EC", "TC"] as const) {
    const pub = get(exp, "three_periods", q) as number[][];
    rows.forEach((r) => {
      const u = Number(r.unit) - 1;
      const s = Number(r.from) - 1;
      // Values the source prints to 7 decimals are compared at that precision.
      const printed = pub[u][s];
      const tol = String(printed).split(".")[1]?.length === 7 ? 5e-7 : 1e-6;
      out.push(row("malmquist 5×3", `${q} unit ${u + 1} ${r.from}→${r.to}`, printed, r[q], tol));
    });
  }
  return out;
}

function spatialRows(): PublishedRow[] {
  const exp = readJson("econ", "spatial", "expected.json");
  const t = csv("econ", "spatial", "stl_hom.csv");
  const y = numericColumn(t, "HR8893");
  const gal = parseGal(readFileSync(datasetPath("econ", "spatial", "stl.gal"), "utf8"));
  const w = buildWeights(
    y.map((_, i) => String(i + 1)),
    gal.neighbours,
    "r",
  );
  const m = moranI(y, w, { permutations: 0 });
  const pub = get(exp, "stl_homicide_moran", "expected") as { I: number; p_norm_one_tailed: number };
  const lat = moranI([1, 2, 3, 4, 5, 6, 7, 8, 9], latticeWeights(3, 3, "b"), { permutations: 0 });
  const v = get(exp, "lattice_3x3_variance", "expected") as { VI_rand: number; VI_norm: number };
  return [
    row("spatial stl", "Moran's I", pub.I, m.I, 1e-6),
    row(
      "spatial stl",
      "p (normal, one-tailed)",
      pub.p_norm_one_tailed,
      m.pNormalOneTailed,
      1e-6 * pub.p_norm_one_tailed,
    ),
    row("spatial 3×3", "VI_rand", v.VI_rand, lat.varianceRandomisation, 1e-12),
    row("spatial 3×3", "VI_norm", v.VI_norm, lat.varianceNormal, 1e-12),
  ];
}

function ioRows(): PublishedRow[] {
  const exp = get(readJson("econ", "io", "expected.json"), "germany_1995", "expected") as Record<
    string,
    { value: unknown }
  >;
  const t = csv("econ", "io", "germany_1995_siot_wide.csv");
  const labels = t.rows.map((r) => r[0]);
  const sectors = ["CPA_A", "CPA_B-E", "CPA_F", "CPA_G-I", "CPA_J-N", "CPA_O-T"];
  const cell = (r: string, c: string) => Number(t.rows[labels.indexOf(r)][t.header.indexOf(c)]);
  const res = inputOutput({
    sectors,
    flows: sectors.map((a) => sectors.map((b) => cell(a, b))),
    output: sectors.map((s) => cell("P1", s)),
    rowOutput: sectors.map((s) => cell(s, "TFU")),
    valueAdded: sectors.map((s) => cell("B1G", s)),
    employment: sectors.map((s) => cell("EMP", s)),
  });
  const out: PublishedRow[] = [];
  for (const [k, v] of Object.entries(
    exp.leontief_inverse_diagonal_selected.value as Record<string, number>,
  )) {
    const s = k.slice(2, -1).split(",")[0];
    const i = sectors.indexOf(s);
    out.push(row("io Germany 1995", `L diag ${s}`, v, res.leontiefInverse[i][i], 1e-4));
  }
  const vec = (key: string, label: string, ours: number[], notes: Record<number, string> = {}) => {
    (exp[key].value as number[]).forEach((v, i) => {
      out.push(row("io Germany 1995", `${label} ${sectors[i]}`, v, ours[i], 1e-4, notes[i]));
    });
  };
  vec("output_multipliers_backward_linkages", "output multiplier", res.outputMultipliers);
  vec("forward_linkages", "forward linkage", res.forwardLinkages, {
    1: "source digit transposition: the definition gives 1.6910 (1.6691 printed)",
  });
  vec("gva_multipliers", "GVA multiplier", res.valueAddedMultipliers!.effect);
  vec("employment_multipliers", "employment multiplier", res.employmentMultipliers!.effect);
  return out;
}

function regionalRows(): PublishedRow[] {
  const exp = readJson("econ", "regional", "expected.json");
  const printed = (p: number) => 5e-7 * Math.max(1, Math.abs(p));
  const fr = csv("econ", "regional", "REAT_Freiburg.csv");
  const go = csv("econ", "regional", "REAT_Goettingen.csv");
  const goR = numericColumn(go, "Goettingen2017").slice(1);
  const goN = numericColumn(go, "BRD2017").slice(1);
  const lq = get(exp, "location_quotient") as { inputs: Record<string, number>; expected: number };
  const gs = get(exp, "gini_specialisation", "cases") as {
    e_ij?: number[];
    e_i?: number[];
    expected: number;
  }[];
  const gc = get(exp, "gini_concentration") as { e_ij: number[]; e_j: number[]; expected: number };
  const kr = get(exp, "krugman_specialisation", "cases") as {
    a?: number[];
    b?: number[];
    expected: number;
  }[];
  const hf = get(exp, "herfindahl") as {
    sales: number[];
    HHI: number;
    HHI_standardised: number;
    equivalent_number: number;
  };
  const h = herfindahl(hf.sales);
  return [
    row(
      "regional REAT",
      "location quotient",
      lq.expected,
      locationQuotient(lq.inputs.e_ij, lq.inputs.e_j, lq.inputs.e_i, lq.inputs.e),
      printed(lq.expected),
    ),
    row(
      "regional REAT",
      "Gini specialisation (textbook)",
      gs[0].expected,
      giniSpecialisation(gs[0].e_ij!, gs[0].e_i!),
      printed(gs[0].expected),
    ),
    row(
      "regional REAT",
      "Gini specialisation (Freiburg 2014)",
      gs[1].expected,
      giniSpecialisation(numericColumn(fr, "e_Freiburg2014"), numericColumn(fr, "e_Germany2014")),
      printed(gs[1].expected),
    ),
    row(
      "regional REAT",
      "Gini specialisation (Göttingen 2017)",
      gs[2].expected,
      giniSpecialisation(goR, goN),
      printed(gs[2].expected),
    ),
    row(
      "regional REAT",
      "Gini concentration",
      gc.expected,
      giniConcentration(gc.e_ij, gc.e_j),
      printed(gc.expected),
    ),
    row(
      "regional REAT",
      "Krugman (textbook)",
      kr[0].expected,
      krugmanIndex(kr[0].a!, kr[0].b!),
      printed(kr[0].expected),
    ),
    row(
      "regional REAT",
      "Krugman (Göttingen 2017)",
      kr[1].expected,
      krugmanIndex(goR, goN),
      printed(kr[1].expected),
    ),
    row("regional REAT", "HHI", hf.HHI, h.hhi, 5e-3),
    row("regional REAT", "HHI standardised", hf.HHI_standardised, h.standardised, 5e-3),
    row("regional REAT", "equivalent number", hf.equivalent_number, h.equivalentNumber, 5e-3),
  ];
}

export function publishedComparison(): PublishedRow[] {
  return [...deaRows(), ...malmquistRows(), ...spatialRows(), ...ioRows(), ...regionalRows()];
}
