import { SHIYUAN_KEY } from "@clusterbrain/demo";
import type { Tx } from "../db/database.ts";
import { grants, marketingEquipment, marketingHospitals } from "../db/schema/index.ts";

const DAY_MS = 86_400_000;

interface DemoHospital {
  key: string;
  level: "county" | "city" | "township";
  county: string;
  monitors: { brand: string; installYear: number; count: number; usageHours: number }[];
  /** Whether it shares its equipment inventory with the patient-monitor maker (世源科技). */
  consents: boolean;
}

/**
 * The precision-marketing story: county and city hospitals with ageing patient monitors; all but
 * 海盐县人民医院 let the patient-monitor maker see their equipment inventory, so its segment
 * "county hospitals with monitors 8+ years old" shows them and leaves 海盐 out.
 */
const HOSPITALS: readonly DemoHospital[] = [
  {
    key: "org-hosp-js1",
    level: "county",
    county: "嘉善县",
    monitors: [m("迈瑞", 2013, 24, 61_000)],
    consents: true,
  },
  {
    key: "org-hosp-ph1",
    level: "county",
    county: "平湖市",
    monitors: [m("飞利浦", 2014, 18, 55_000)],
    consents: true,
  },
  {
    key: "org-hosp-hn",
    level: "county",
    county: "海宁市",
    monitors: [m("迈瑞", 2015, 30, 52_000)],
    consents: true,
  },
  {
    key: "org-hosp-tx1",
    level: "county",
    county: "桐乡市",
    monitors: [m("理邦", 2012, 20, 70_000)],
    consents: true,
  },
  {
    key: "org-hosp-hy",
    level: "county",
    county: "海盐县",
    monitors: [m("迈瑞", 2013, 16, 64_000)],
    consents: false,
  },
  {
    key: "org-hosp-jx1",
    level: "city",
    county: "南湖区",
    monitors: [m("GE", 2016, 60, 48_000)],
    consents: true,
  },
  {
    key: "org-hosp-jx2",
    level: "city",
    county: "南湖区",
    monitors: [m("飞利浦", 2019, 45, 30_000)],
    consents: true,
  },
  {
    key: "org-hosp-wjj",
    level: "township",
    county: "秀洲区",
    monitors: [m("理邦", 2011, 4, 75_000)],
    consents: true,
  },
];

function m(brand: string, installYear: number, count: number, usageHours: number) {
  return { brand, installYear, count, usageHours };
}

/** Hospital profiles, their patient monitors (plus a newer ventilator each) and the equipment grants. */
export async function loadDemoMarketing(tx: Tx, at: Date): Promise<void> {
  await tx
    .insert(marketingHospitals)
    .values(HOSPITALS.map((h) => ({ orgId: h.key, level: h.level, county: h.county })));
  await tx.insert(marketingEquipment).values(
    HOSPITALS.flatMap((h) => [
      ...h.monitors.map((x, i) => ({
        orgId: h.key,
        id: `pm${i + 1}`,
        deviceType: "patient monitor",
        ...x,
      })),
      {
        orgId: h.key,
        id: "vent1",
        deviceType: "ventilator",
        brand: "迈瑞",
        installYear: 2022,
        count: 6,
        usageHours: 9_000,
      },
    ]),
  );
  await tx.insert(grants).values(
    HOSPITALS.filter((h) => h.consents).map((h) => ({
      id: `grant-demo-mkt-${h.key}`,
      orgId: h.key,
      granteeOrgId: SHIYUAN_KEY,
      dataClass: "equipment" as const,
      purpose: "设备更新精准营销",
      expiresAt: new Date(at.getTime() + 365 * DAY_MS),
      createdAt: at,
    })),
  );
}
