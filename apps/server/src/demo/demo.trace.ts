import { FIRM_A_KEY, type generateDemoCluster, SHIYUAN_KEY } from "@clusterbrain/demo";
import {
  appendEvent,
  type EventDraft,
  formatUdi,
  generateOrgKeyPair,
  gs1CheckDigit,
  type Json,
  type LedgerEvent,
  privateKeyFrom,
} from "@clusterbrain/engine/trace";
import type { Tx } from "../db/database.ts";
import { traceChainHeads, traceEvents, traceKeys, traceLinks } from "../db/schema/index.ts";
import { TraceKeyVault } from "../modules/trace/trace.keys.ts";
import { node } from "../modules/trace/trace.nodes.ts";

const DAY_MS = 86_400_000;
/**
 * Demo keys are sealed under this constant, not the server's SESSION_SECRET (the loader does not
 * know it): the first append after start-up cannot open them and rotates to a new key, so the
 * demo chains show a rotation and still verify.
 */
const DEMO_SEAL = "clusterbrain-demo-trace-keys";

export interface DemoTraceRows {
  keys: (typeof traceKeys.$inferInsert)[];
  events: (typeof traceEvents.$inferInsert)[];
  links: (typeof traceLinks.$inferInsert)[];
  heads: (typeof traceChainHeads.$inferInsert)[];
  /** For the tour: the ferrite lot a recall drill starts from. */
  ferriteLot: { orgId: string; lot: string };
}

type Cluster = ReturnType<typeof generateDemoCluster>;

/**
 * A recall drill that works after `npm start`: a MnZn ferrite lot of a magnetic-materials firm
 * goes into 华磁's inductor lot, that into 视远's patient-monitor lot, six monitors with GS1 UDIs,
 * and three shipments to three hospitals. Each firm's chain is signed with its own demo key.
 */
export function demoTraceRows(cluster: Cluster, at: Date): DemoTraceRows {
  const firms = cluster.orgs.filter((o) => o.kind === "enterprise");
  const ferrite = firms.find((o) => o.nodeKeys[0] === "mnzn-ferrite" && o.key !== FIRM_A_KEY) ?? firms[0];
  const hospitals = cluster.orgs.filter((o) => o.category === "hospital").slice(0, 3);
  const vault = new TraceKeyVault(DEMO_SEAL);
  const out: DemoTraceRows = {
    keys: [],
    events: [],
    links: [],
    heads: [],
    ferriteLot: { orgId: ferrite.key, lot: "FE-2025-0412" },
  };
  const when = (daysAgo: number) => new Date(at.getTime() - daysAgo * DAY_MS).toISOString();

  const chain = (orgId: string, steps: { draft: EventDraft; links: [string, string][] }[]) => {
    const pair = generateOrgKeyPair();
    out.keys.push({
      orgId,
      keyId: "k1",
      publicKey: pair.publicKey,
      privateKeyEnc: vault.seal(pair.privateKey),
      validFrom: new Date(at.getTime() - 90 * DAY_MS),
      createdAt: new Date(at.getTime() - 90 * DAY_MS),
    });
    const signer = { orgId, keyId: "k1", privateKey: privateKeyFrom(pair.privateKey) };
    let prev: LedgerEvent | null = null;
    for (const step of steps) {
      const ev: LedgerEvent = appendEvent(prev, step.draft, signer);
      out.events.push({ ...ev, payload: ev.payload as Record<string, unknown> });
      for (const [fromNode, toNode] of step.links) out.links.push({ orgId, seq: ev.seq, fromNode, toNode });
      prev = ev;
    }
    if (prev) out.heads.push({ orgId, seq: prev.seq, hash: prev.hash });
  };
  const ev = (type: string, daysAgo: number, payload: Record<string, Json>, links: [string, string][]) => ({
    draft: { type, at: when(daysAgo), payload: { ...payload, occurredAt: when(daysAgo) } },
    links,
  });

  const fe = node.lot(ferrite.key, "FE-2025-0412");
  chain(ferrite.key, [
    ev(
      "material-lot",
      60,
      {
        type: "material-lot",
        lot: "FE-2025-0412",
        material: "MnZn 铁氧体磁芯 PQ26",
        quantity: 2000,
        unit: "pcs",
        inputs: [],
      },
      [[fe, fe]],
    ),
  ]);

  const cu = node.lot(FIRM_A_KEY, "CU-2025-0330");
  const ind = node.lot(FIRM_A_KEY, "HC-L2025-118");
  const toSy = node.ship(FIRM_A_KEY, "SH-HC-0501");
  chain(FIRM_A_KEY, [
    ev(
      "material-lot",
      58,
      {
        type: "material-lot",
        lot: "CU-2025-0330",
        material: "漆包铜线 0.3 mm",
        quantity: 50,
        unit: "kg",
        inputs: [],
      },
      [[cu, cu]],
    ),
    ev(
      "production-lot",
      52,
      {
        type: "production-lot",
        lot: "HC-L2025-118",
        product: "功率电感 PQ2620-100",
        quantity: 2000,
        inputs: [
          { orgId: ferrite.key, lot: "FE-2025-0412" },
          { orgId: FIRM_A_KEY, lot: "CU-2025-0330" },
        ],
      },
      [
        [ind, ind],
        [fe, ind],
        [cu, ind],
      ],
    ),
    ev(
      "shipment",
      48,
      {
        type: "shipment",
        shipment: "SH-HC-0501",
        toOrgId: SHIYUAN_KEY,
        lots: [{ orgId: FIRM_A_KEY, lot: "HC-L2025-118" }],
        udis: [],
      },
      [
        [ind, toSy],
        [toSy, node.org(SHIYUAN_KEY)],
      ],
    ),
  ]);

  const body = "0697123450001";
  const gtin = `${body}${gs1CheckDigit(body)}`;
  const mon = node.lot(SHIYUAN_KEY, "SY-M2025-07");
  const devices = Array.from({ length: 6 }, (_, i) => {
    const udi = {
      gtin,
      expiry: "2030-06-30",
      lot: "SY-M2025-07",
      serial: `SY${String(i + 1).padStart(4, "0")}`,
    };
    return { hri: formatUdi(udi), node: node.udi(udi), serial: udi.serial };
  });
  const steps = [
    ev(
      "production-lot",
      40,
      {
        type: "production-lot",
        lot: "SY-M2025-07",
        product: "多参数病人监护仪 PM-7",
        quantity: 6,
        inputs: [{ orgId: FIRM_A_KEY, lot: "HC-L2025-118" }],
      },
      [
        [mon, mon],
        [ind, mon],
      ],
    ),
    ...devices.map((d, i) =>
      ev(
        "device",
        38 - i * 0.1,
        {
          type: "device",
          udi: d.hri,
          productionLot: "SY-M2025-07",
          parsed: { gtin, lot: "SY-M2025-07", serial: d.serial, expiry: "2030-06-30" },
        },
        [[mon, d.node]],
      ),
    ),
    ...hospitals.map((h, i) => {
      const ship = node.ship(SHIYUAN_KEY, `SH-SY-06${i + 1}`);
      const pairDevices = devices.slice(i * 2, i * 2 + 2);
      return ev(
        "shipment",
        30 - i,
        {
          type: "shipment",
          shipment: `SH-SY-06${i + 1}`,
          toOrgId: h.key,
          lots: [],
          udis: pairDevices.map((d) => d.hri),
        },
        [...pairDevices.map((d): [string, string] => [d.node, ship]), [ship, node.org(h.key)]],
      );
    }),
  ];
  chain(SHIYUAN_KEY, steps);
  return out;
}

/** Writes the demo chains (called once by the demo loader, inside its transaction). */
export async function insertDemoTrace(tx: Tx, cluster: Cluster, at: Date): Promise<void> {
  const rows = demoTraceRows(cluster, at);
  await tx.insert(traceKeys).values(rows.keys);
  await tx.insert(traceEvents).values(rows.events);
  await tx.insert(traceLinks).values(rows.links);
  await tx.insert(traceChainHeads).values(rows.heads);
}
