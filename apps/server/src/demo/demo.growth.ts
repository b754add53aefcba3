import { type DemoCluster, FIRM_A_KEY, OPERATOR_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { grants, growthMarketSignals, growthStrategyNotes } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;
/** Every tenth firm has not consented to the cluster's analytics: the dashboards leave it out. */
const WITHHOLD_EVERY = 10;
const CONSENT_CLASSES = ["indicators", "relations", "equipment"] as const;

interface ProductSpec {
  product: string;
  zh: string;
  en: string;
  nodeId: string;
  /** Chain nodes whose firms (or hospitals) declare demand, and how much each (万元). */
  demandFrom: readonly string[];
  demandEach: number;
  demandCount: number;
  supplyNode: string;
  supplyEach: number;
  supplyCount: number;
}

/**
 * Market signals of the latest demo year. The story of the paper: downstream power modules, medical
 * power supplies and device makers need far more high-end (high-current molded / automotive-grade)
 * inductors than the cluster's few makers supply — the gap 华磁 found.
 */
const PRODUCTS: readonly ProductSpec[] = [
  {
    product: "high-end-inductor",
    zh: "高端电感(大电流一体成型/车规级)",
    en: "High-end inductors (high-current molded / automotive grade)",
    nodeId: "molded-inductor",
    demandFrom: ["power-module", "medical-power", "pcba", "patient-monitor", "color-ultrasound"],
    demandEach: 1800,
    demandCount: 12,
    supplyNode: "molded-inductor",
    supplyEach: 650,
    supplyCount: 3,
  },
  {
    product: "mlcc",
    zh: "片式多层陶瓷电容(MLCC)",
    en: "Multilayer ceramic capacitors (MLCC)",
    nodeId: "mlcc",
    demandFrom: ["pcba", "power-module"],
    demandEach: 900,
    demandCount: 8,
    supplyNode: "mlcc",
    supplyEach: 1000,
    supplyCount: 6,
  },
  {
    product: "rigid-pcb",
    zh: "多层刚性电路板",
    en: "Multilayer rigid PCB",
    nodeId: "rigid-pcb",
    demandFrom: ["pcba", "medical-power", "power-module"],
    demandEach: 700,
    demandCount: 10,
    supplyNode: "rigid-pcb",
    supplyEach: 800,
    supplyCount: 9,
  },
  {
    product: "patient-monitor",
    zh: "多参数监护仪",
    en: "Multi-parameter patient monitors",
    nodeId: "patient-monitor",
    demandFrom: ["tertiary-hospital", "secondary-hospital", "primary-care"],
    demandEach: 260,
    demandCount: 10,
    supplyNode: "patient-monitor",
    supplyEach: 900,
    supplyCount: 4,
  },
];

export function demoGrowthRows(cluster: DemoCluster, at: Date) {
  const firms = cluster.orgs.filter((o) => o.kind === "enterprise");
  const consenting = firms.filter(
    (o, i) => o.key === FIRM_A_KEY || i % WITHHOLD_EVERY !== WITHHOLD_EVERY - 1,
  );
  const grantRows: (typeof grants.$inferInsert)[] = consenting.flatMap((o) =>
    CONSENT_CLASSES.map((dataClass) => ({
      id: `grant-growth-${o.key}-${dataClass}`,
      orgId: o.key,
      granteeOrgId: OPERATOR_KEY,
      dataClass,
      purpose: "集群成长分析(微观/中观/宏观看板)",
      expiresAt: new Date(at.getTime() + 730 * DAY_MS),
      createdAt: new Date(at.getTime() - 60 * DAY_MS),
      createdBy: null,
    })),
  );
  const year = Math.max(...cluster.years);
  const onNode = (nodes: readonly string[]) =>
    cluster.orgs
      .filter((o) => o.nodeKeys.some((n) => nodes.includes(n)))
      .sort((a, b) => a.key.localeCompare(b.key));
  const signals: (typeof growthMarketSignals.$inferInsert)[] = [];
  for (const p of PRODUCTS) {
    const buyers = onNode(p.demandFrom).slice(0, p.demandCount);
    const makers = onNode([p.supplyNode]);
    const sellers = [
      ...makers.filter((o) => o.key === FIRM_A_KEY),
      ...makers.filter((o) => o.key !== FIRM_A_KEY),
    ].slice(0, p.supplyCount);
    buyers.forEach((o, i) => {
      signals.push({
        orgId: o.key,
        id: `signal-${p.product}-demand`,
        side: "demand",
        product: p.product,
        nameZh: p.zh,
        nameEn: p.en,
        nodeId: p.nodeId,
        year,
        value: p.demandEach * (0.8 + 0.05 * (i % 9)),
      });
    });
    sellers.forEach((o, i) => {
      signals.push({
        orgId: o.key,
        id: `signal-${p.product}-supply`,
        side: "supply",
        product: p.product,
        nameZh: p.zh,
        nameEn: p.en,
        nodeId: p.nodeId,
        year,
        value: p.supplyEach * (0.9 + 0.05 * (i % 5)),
      });
    });
  }
  const note: typeof growthStrategyNotes.$inferInsert = {
    orgId: FIRM_A_KEY,
    body: "集群内下游电源模块、医用电源与整机企业对大电流一体成型电感、车规级功率电感需求旺盛，本地供给不足。依托嘉兴学院、浙江清华长三角研究院联合攻关，扩产高端一体成型电感，三年内成为集群主要本地供应商。",
    goals: [
      { title: "高端电感产线效率达到前沿水平", kpi: "dea.ccr", target: 0.95, due: year + 2 },
      { title: "全要素生产率持续提升", kpi: "malmquist.M", target: 1.05, due: year + 1 },
      { title: "营业收入突破目标", kpi: "revenue", target: 60000, due: year + 3 },
    ],
    updatedAt: at,
  };
  return { grants: grantRows, signals, note };
}

/** Consent grants to the operator for the growth dashboards, and the market signals (one call from the loader). */
export async function loadDemoGrowth(tx: Tx, cluster: DemoCluster, at: Date): Promise<void> {
  const rows = demoGrowthRows(cluster, at);
  for (let i = 0; i < rows.grants.length; i += 500)
    await tx.insert(grants).values(rows.grants.slice(i, i + 500));
  if (rows.signals.length > 0) await tx.insert(growthMarketSignals).values(rows.signals);
  await tx.insert(growthStrategyNotes).values(rows.note);
}
