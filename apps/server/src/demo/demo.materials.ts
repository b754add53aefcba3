import type { MaterialCategory, MaterialListingKind } from "@clusterbrain/contracts";
import { FIRM_A_KEY, HELIAN_KEY, OPERATOR_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import {
  grants,
  materialListings,
  materialPoolParticipants,
  materialPoolRounds,
} from "../db/schema/index.ts";
import { demoUserId } from "./demo.rows.ts";

const DAY_MS = 86_400_000;

type Row = [
  id: string,
  org: string,
  kind: MaterialListingKind,
  category: MaterialCategory,
  spec: string,
  quantity: number,
  unit: string,
  inMonths: number,
];

/** The 15th of the month `months` after `at`'s month (so several needs share one pooled month). */
function monthDay(at: Date, months: number): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 15));
  return d.toISOString().slice(0, 10);
}

/**
 * Material needs and offers of the demo firms. Copper wire is needed next month by three firms
 * (华磁, 和联, 世源: the pooled demand is shown); PCBs by two (世源, 芯源: withheld under k = 3).
 * 和联 offers ferrite-free PQ bobbins and PCBs, 芯源 offers connectors, a draft of 华磁 stays private.
 */
const LISTINGS: Row[] = [
  [
    "mat-demo-huaci-wire",
    FIRM_A_KEY,
    "need",
    "copper-wire",
    "漆包铜线 QZ-2 0.25 mm enamelled copper wire, 180 °C",
    800,
    "kg",
    1,
  ],
  [
    "mat-demo-helian-wire",
    HELIAN_KEY,
    "need",
    "copper-wire",
    "Enamelled copper wire 0.3 mm for transformer winding",
    400,
    "kg",
    1,
  ],
  ["mat-demo-shiyuan-wire", SHIYUAN_KEY, "need", "copper-wire", "医用电源变压器漆包线 0.2 mm", 150, "kg", 1],
  [
    "mat-demo-shiyuan-pcb",
    SHIYUAN_KEY,
    "need",
    "pcb",
    "4-layer FR-4 PCB 1.6 mm, ENIG, monitor main board",
    2000,
    "pcs",
    2,
  ],
  ["mat-demo-xinyuan-pcb", XINYUAN_KEY, "need", "pcb", "2-layer FR-4 test board, HASL", 500, "pcs", 2],
  [
    "mat-demo-helian-pcb-offer",
    HELIAN_KEY,
    "offer",
    "pcb",
    "四层板 FR-4 1.6 mm 沉金 4-layer PCB ENIG, SMT ready",
    5000,
    "pcs",
    0,
  ],
  [
    "mat-demo-xinyuan-conn-offer",
    XINYUAN_KEY,
    "offer",
    "connector",
    "2.54 mm pin header connectors, gold plated",
    50000,
    "pcs",
    0,
  ],
  [
    "mat-demo-helian-core-offer",
    HELIAN_KEY,
    "offer",
    "ferrite-core",
    "MnZn ferrite core PQ32/30 N87 surplus stock 锰锌铁氧体磁芯",
    12000,
    "pcs",
    0,
  ],
  [
    "mat-demo-shiyuan-wire-offer",
    SHIYUAN_KEY,
    "offer",
    "copper-wire",
    "Surplus enamelled copper wire 0.25 mm",
    120,
    "kg",
    0,
  ],
  [
    "mat-demo-huaci-draft",
    FIRM_A_KEY,
    "offer",
    "ferrite-core",
    "NiZn ring cores (draft, not yet published)",
    3000,
    "pcs",
    0,
  ],
];

/**
 * Loads the materials demo: needs and offers, two pooled-purchase rounds (copper wire opened by the
 * operator with three firms — totals shown; connectors opened by 世源 with two — withheld until a
 * third joins), and 华磁's grant of its stock levels to 世源 for supply coordination.
 */
export async function loadDemoMaterials(tx: Tx, at: Date): Promise<void> {
  const days = (n: number) => new Date(at.getTime() + n * DAY_MS);
  await tx.insert(materialListings).values(
    LISTINGS.map(([id, orgId, kind, category, spec, quantity, unit, inMonths]) => ({
      id,
      orgId,
      kind,
      category,
      spec,
      quantity,
      unit,
      byDate: monthDay(at, inMonths),
      status: id.endsWith("-draft") ? ("draft" as const) : ("open" as const),
      createdAt: days(-10),
      updatedAt: days(-10),
    })),
  );
  const period = monthDay(at, 1).slice(0, 7);
  await tx.insert(materialPoolRounds).values([
    {
      id: "pool-demo-copper-wire",
      orgId: OPERATOR_KEY,
      category: "copper-wire",
      period,
      title: "漆包铜线联合采购",
      spec: "QZ-2 0.2–0.3 mm enamelled copper wire",
      unit: "kg",
      closesOn: days(20).toISOString().slice(0, 10),
      createdAt: days(-7),
    },
    {
      id: "pool-demo-connectors",
      orgId: SHIYUAN_KEY,
      category: "connector",
      period,
      title: "2.54 mm 连接器集采",
      spec: "2.54 mm pin headers and sockets",
      unit: "pcs",
      closesOn: days(25).toISOString().slice(0, 10),
      createdAt: days(-3),
    },
  ]);
  await tx.insert(materialPoolParticipants).values([
    { roundId: "pool-demo-copper-wire", orgId: FIRM_A_KEY, quantity: 800, joinedAt: days(-6) },
    { roundId: "pool-demo-copper-wire", orgId: HELIAN_KEY, quantity: 400, joinedAt: days(-5) },
    { roundId: "pool-demo-copper-wire", orgId: SHIYUAN_KEY, quantity: 150, joinedAt: days(-4) },
    { roundId: "pool-demo-connectors", orgId: SHIYUAN_KEY, quantity: 20000, joinedAt: days(-3) },
    { roundId: "pool-demo-connectors", orgId: HELIAN_KEY, quantity: 10000, joinedAt: days(-2) },
  ]);
  await tx.insert(grants).values({
    id: "grant-demo-huaci-shiyuan-stock",
    orgId: FIRM_A_KEY,
    granteeOrgId: SHIYUAN_KEY,
    dataClass: "stock",
    purpose: "供应协同：共享电感库存水平",
    expiresAt: days(180),
    createdAt: days(-10),
    createdBy: demoUserId("owner"),
  });
}
