import {
  columnIndex,
  competitiveness,
  couplingCoordination,
  type FirmIndicators,
  giniSpecialisation,
  herfindahl,
  type Indicator,
  inputOutput,
  krugmanIndex,
  locationQuotients,
  numericColumn,
  type PeerKey,
  shiftShare,
  sizeBand,
  supplyNetwork,
  textColumn,
} from "@clusterbrain/engine/analytics";
import { fmt, list, print, readCsv, unitIds } from "./analyze-io.ts";

export interface IoCliOptions {
  outputRow: string;
  totalUseColumn?: string;
  valueAddedRow?: string;
  compensationRow?: string;
  employmentRow?: string;
  json?: boolean;
}

/** Wide symmetric table: first column = row labels; sector columns are those also named as rows. */
export function runIo(file: string, o: IoCliOptions): void {
  const table = readCsv(file);
  const labels = table.rows.map((r) => r[0].trim());
  const sectors = table.header.slice(1).filter((h) => labels.includes(h));
  if (sectors.length === 0) throw new Error("no sector appears both as a column and as a row label");
  const cell = (row: string, col: string): number => {
    const i = labels.indexOf(row);
    if (i < 0) throw new Error(`no row "${row}"`);
    const v = Number(table.rows[i][columnIndex(table, col)]);
    if (!Number.isFinite(v)) throw new Error(`row ${row}, column ${col} is not a number`);
    return v;
  };
  const rowVector = (row: string | undefined) =>
    row && labels.includes(row) ? sectors.map((s) => cell(row, s)) : undefined;
  const r = inputOutput({
    sectors,
    flows: sectors.map((a) => sectors.map((b) => cell(a, b))),
    output: sectors.map((s) => cell(o.outputRow, s)),
    rowOutput: o.totalUseColumn ? sectors.map((s) => cell(s, o.totalUseColumn!)) : undefined,
    valueAdded: rowVector(o.valueAddedRow),
    compensation: rowVector(o.compensationRow),
    employment: rowVector(o.employmentRow),
  });
  print(o.json ?? false, r, () => [
    [
      "sector",
      "output mult",
      "forward",
      "BL norm",
      "FL norm",
      "class",
      "VA mult",
      "income mult",
      "employment mult",
    ],
    ...r.sectors.map((s, i) => [
      s,
      fmt(r.outputMultipliers[i]),
      fmt(r.forwardLinkages[i]),
      fmt(r.normalisedBackward[i]),
      fmt(r.normalisedForward[i]),
      r.sectorClass[i],
      fmt(r.valueAddedMultipliers?.effect[i]),
      fmt(r.incomeMultipliers?.effect[i]),
      fmt(r.employmentMultipliers?.effect[i]),
    ]),
  ]);
}

export function runCoupling(file: string, o: { columns: string; id?: string; json?: boolean }): void {
  const table = readCsv(file);
  const cols = list(o.columns).map((c) => numericColumn(table, c));
  const ids = unitIds(table, o.id);
  const rows = ids.map((id, k) => ({ id, ...couplingCoordination(cols.map((c) => c[k])) }));
  print(o.json ?? false, rows, () => [
    ["id", "C", "T", "D", "level"],
    ...rows.map((r) => [r.id, fmt(r.C), fmt(r.T), fmt(r.D), `${r.level.zh} ${r.level.en}`]),
  ]);
}

export function runNetwork(
  file: string,
  o: { supplier: string; customer: string; weight?: string; json?: boolean },
): void {
  const table = readCsv(file);
  const s = textColumn(table, o.supplier);
  const c = textColumn(table, o.customer);
  const w = o.weight ? numericColumn(table, o.weight) : null;
  const r = supplyNetwork(s.map((supplier, k) => ({ supplier, customer: c[k], weight: w ? w[k] : 1 })));
  print(o.json ?? false, r, () => [
    ["id", "in", "out", "betweenness", "community", "constraint", "effective size"],
    ...r.nodes.map((n) => [
      n.id,
      fmt(n.inDegree),
      fmt(n.outDegree),
      fmt(n.betweenness),
      fmt(n.community),
      fmt(n.constraint),
      fmt(n.effectiveSize),
    ]),
    ["density", fmt(r.density), "communities", fmt(r.communities), "modularity", fmt(r.modularity), ""],
  ]);
}

export function runRegional(
  file: string,
  o: { region: string; reference: string; id?: string; json?: boolean },
): void {
  const table = readCsv(file);
  const region = numericColumn(table, o.region);
  const reference = numericColumn(table, o.reference);
  const ids = unitIds(table, o.id);
  const lq = locationQuotients(region, reference);
  const out = {
    locationQuotients: ids.map((id, i) => ({ id, lq: lq[i] })),
    giniSpecialisation: giniSpecialisation(region, reference),
    krugman: krugmanIndex(region, reference),
    herfindahl: herfindahl(region),
  };
  print(o.json ?? false, out, () => [
    ["industry", "LQ"],
    ...out.locationQuotients.map((r) => [r.id, fmt(r.lq)]),
    ["Gini specialisation", fmt(out.giniSpecialisation)],
    ["Krugman index", fmt(out.krugman)],
    ["Herfindahl (HHI, standardised)", `${fmt(out.herfindahl.hhi)}, ${fmt(out.herfindahl.standardised)}`],
  ]);
}

export function runShiftShare(
  file: string,
  o: {
    regionStart: string;
    regionEnd: string;
    nationStart: string;
    nationEnd: string;
    id?: string;
    json?: boolean;
  },
): void {
  const table = readCsv(file);
  const r = shiftShare({
    industries: unitIds(table, o.id),
    regionStart: numericColumn(table, o.regionStart),
    regionEnd: numericColumn(table, o.regionEnd),
    nationStart: numericColumn(table, o.nationStart),
    nationEnd: numericColumn(table, o.nationEnd),
  });
  print(o.json ?? false, r, () => [
    ["industry", "national share", "industry mix", "competitive", "total change"],
    ...[...r.rows, { industry: "total", ...r.total }].map((x) => [
      x.industry,
      fmt(x.nationalShare),
      fmt(x.industryMix),
      fmt(x.competitive),
      fmt(x.totalChange),
    ]),
  ]);
}

export interface CompetitivenessCliOptions {
  id: string;
  benefit?: string;
  cost?: string;
  chainNode?: string;
  district?: string;
  employees?: string;
  groupBy?: string;
  lang: string;
  json?: boolean;
}

export function runCompetitiveness(file: string, o: CompetitivenessCliOptions): void {
  const table = readCsv(file);
  const indicators: Indicator[] = [
    ...(o.benefit ? list(o.benefit).map((key): Indicator => ({ key, direction: "benefit" })) : []),
    ...(o.cost ? list(o.cost).map((key): Indicator => ({ key, direction: "cost" })) : []),
  ];
  if (indicators.length === 0) throw new Error("give indicators with --benefit and/or --cost");
  const values = indicators.map((ind) => numericColumn(table, ind.key));
  const ids = textColumn(table, o.id);
  const chain = o.chainNode ? textColumn(table, o.chainNode) : null;
  const district = o.district ? textColumn(table, o.district) : null;
  const employees = o.employees ? numericColumn(table, o.employees) : null;
  const firms: FirmIndicators[] = ids.map((id, k) => ({
    id,
    chainNode: chain?.[k],
    district: district?.[k],
    sizeBand: employees ? sizeBand(employees[k]) : undefined,
    values: values.map((col) => col[k]),
  }));
  const by = (o.groupBy ? list(o.groupBy) : []).map((k): PeerKey => {
    if (k !== "chainNode" && k !== "sizeBand" && k !== "district")
      throw new Error(`--group-by takes chainNode, sizeBand, district; got "${k}"`);
    return k;
  });
  const r = competitiveness(firms, indicators, { groupBy: by });
  const lang = o.lang === "en" ? "en" : "zh";
  print(o.json ?? false, r, () => [
    ["firm", "group", "score", "rank", "explanation"],
    ...r.firms.map((f) => [f.id, f.group, fmt(f.score), `${f.rank}/${f.groupSize}`, f.explanation[lang]]),
  ]);
}
