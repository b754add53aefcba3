import { randomUUID } from "node:crypto";
import {
  PLANNING_DATA_SCHEMAS,
  type PlanningCalendarDay,
  type PlanningEntity,
  type PlanningMachine,
  type PlanningRouting,
  type PlanningSetup,
} from "@clusterbrain/contracts";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";
import { mulberry32 } from "@clusterbrain/engine/shared";
import type { planningRecords } from "../db/schema/index.ts";
import { naturalKey } from "../modules/planning/planning.columns.ts";
import { plain } from "../modules/planning/planning.sheet.ts";

type Row = typeof planningRecords.$inferInsert;

/**
 * Holidays and the 调休 working weekends around the demo's planning window (illustrative dates
 * in the shape of the State Council's yearly notice; a firm edits them per year as data).
 */
const CALENDAR: PlanningCalendarDay[] = [
  { date: "2026-10-01", kind: "holiday", note: "国庆节" },
  { date: "2026-10-02", kind: "holiday", note: "国庆节" },
  { date: "2026-10-05", kind: "holiday", note: "国庆节" },
  { date: "2026-10-06", kind: "holiday", note: "国庆节" },
  { date: "2026-10-07", kind: "holiday", note: "国庆节" },
  { date: "2026-10-10", kind: "workday", note: "国庆调休上班" },
  { date: "2027-01-01", kind: "holiday", note: "元旦" },
  { date: "2027-02-04", kind: "holiday", note: "春节" },
  { date: "2027-02-05", kind: "holiday", note: "春节" },
  { date: "2027-02-08", kind: "holiday", note: "春节" },
  { date: "2027-02-09", kind: "holiday", note: "春节" },
  { date: "2027-02-10", kind: "holiday", note: "春节" },
  { date: "2027-02-11", kind: "holiday", note: "春节" },
  { date: "2027-01-31", kind: "workday", note: "春节调休上班" },
  { date: "2027-02-20", kind: "workday", note: "春节调休上班" },
];

const m = (code: string, name: string, workCentre: string, shifts: string, workdays: string) =>
  ({ code, name, workCentre, shifts, workdays }) satisfies PlanningMachine;

/** Routing steps: [seq, operation, [machine, minutesPerUnit][], fixedMinutes]. */
type Step = [number, string, [string, number][], number];
function routing(item: string, family: string, steps: Step[]): PlanningRouting[] {
  return steps.flatMap(([seq, operation, alts, fixedMinutes]) =>
    alts.map(([machine, minutesPerUnit]) => ({
      item,
      seq,
      operation,
      machine,
      minutesPerUnit,
      fixedMinutes,
      family,
    })),
  );
}

interface FirmScheduling {
  orgKey: string;
  items: { code: string; name: string; unit: string; leadTimeDays: number }[];
  machines: PlanningMachine[];
  routings: PlanningRouting[];
  setups: PlanningSetup[];
  /** Production orders to schedule: item, [min, max] quantity. */
  orders: { prefix: string; mix: [string, number, number][]; count: number };
}

const TWO_SHIFTS = "08:00-16:00;16:00-24:00";
const DAY = "08:00-20:00";
const ROUND = "00:00-24:00";

const FIRMS: FirmScheduling[] = [
  {
    orgKey: FIRM_A_KEY,
    items: [],
    machines: [
      m("WIND-01", "自动绕线机 1 号", "WIND", TWO_SHIFTS, "1-6"),
      m("WIND-02", "自动绕线机 2 号", "WIND", TWO_SHIFTS, "1-6"),
      m("PRESS-01", "一体成型压机 1 号", "MOLD", TWO_SHIFTS, "1-6"),
      m("PRESS-02", "一体成型压机 2 号", "MOLD", TWO_SHIFTS, "1-6"),
      m("OVEN-01", "固化烘箱", "CURE", ROUND, "1-7"),
      m("TEST-01", "电感测试包装线", "TEST", DAY, "1-6"),
    ],
    routings: [
      ...routing("IND-MOLD-0630", "MOLD-S", [
        [
          10,
          "绕线",
          [
            ["WIND-01", 0.01],
            ["WIND-02", 0.012],
          ],
          0,
        ],
        [
          20,
          "压制成型",
          [
            ["PRESS-01", 0.015],
            ["PRESS-02", 0.018],
          ],
          30,
        ],
        [30, "固化", [["OVEN-01", 0.005]], 60],
        [40, "测试包装", [["TEST-01", 0.008]], 0],
      ]),
      ...routing("IND-MOLD-1040", "MOLD-L", [
        [
          10,
          "绕线",
          [
            ["WIND-01", 0.02],
            ["WIND-02", 0.022],
          ],
          0,
        ],
        [
          20,
          "压制成型",
          [
            ["PRESS-01", 0.025],
            ["PRESS-02", 0.03],
          ],
          30,
        ],
        [30, "固化", [["OVEN-01", 0.006]], 60],
        [40, "测试包装", [["TEST-01", 0.01]], 0],
      ]),
      ...routing("IND-CMC-1210", "CMC", [
        [
          10,
          "绕线",
          [
            ["WIND-01", 0.03],
            ["WIND-02", 0.028],
          ],
          0,
        ],
        [20, "测试包装", [["TEST-01", 0.012]], 0],
      ]),
    ],
    setups: [
      { machine: "*", fromFamily: "MOLD-S", toFamily: "MOLD-L", minutes: 60 },
      { machine: "*", fromFamily: "MOLD-L", toFamily: "MOLD-S", minutes: 45 },
      { machine: "*", fromFamily: "MOLD-S", toFamily: "CMC", minutes: 30 },
      { machine: "*", fromFamily: "CMC", toFamily: "MOLD-S", minutes: 30 },
      { machine: "*", fromFamily: "MOLD-L", toFamily: "CMC", minutes: 30 },
      { machine: "*", fromFamily: "CMC", toFamily: "MOLD-L", minutes: 40 },
    ],
    orders: {
      prefix: "MO-HC",
      count: 10,
      mix: [
        ["IND-MOLD-0630", 15000, 40000],
        ["IND-MOLD-1040", 8000, 25000],
        ["IND-CMC-1210", 8000, 25000],
      ],
    },
  },
  {
    orgKey: SHIYUAN_KEY,
    // Variants built to order here; they have no demand history, so MRP's story is untouched.
    items: [
      { code: "PM-10T", name: "10.4 英寸转运监护仪", unit: "台", leadTimeDays: 10 },
      { code: "PM-12V", name: "12.1 英寸兽用监护仪", unit: "台", leadTimeDays: 10 },
      { code: "CMS-01", name: "中央监护站", unit: "套", leadTimeDays: 15 },
    ],
    machines: [
      m("ASSY-L1", "总装线 1", "ASSY", DAY, "1-5"),
      m("ASSY-L2", "总装线 2", "ASSY", DAY, "1-5"),
      m("AGING-01", "老化房", "AGING", ROUND, "1-7"),
      m("TEST-ST1", "校准测试台 1", "TEST", DAY, "1-5"),
      m("TEST-ST2", "校准测试台 2", "TEST", DAY, "1-5"),
      m("PACK-01", "包装线", "PACK", DAY, "1-5"),
    ],
    routings: [
      ...routing("PM-12", "PM-S", [
        [
          10,
          "总装",
          [
            ["ASSY-L1", 3],
            ["ASSY-L2", 3.5],
          ],
          20,
        ],
        [20, "老化", [["AGING-01", 0]], 480],
        [
          30,
          "校准测试",
          [
            ["TEST-ST1", 4],
            ["TEST-ST2", 4],
          ],
          0,
        ],
        [40, "包装", [["PACK-01", 1]], 10],
      ]),
      ...routing("PM-15", "PM-L", [
        [
          10,
          "总装",
          [
            ["ASSY-L1", 3.5],
            ["ASSY-L2", 4],
          ],
          20,
        ],
        [20, "老化", [["AGING-01", 0]], 480],
        [
          30,
          "校准测试",
          [
            ["TEST-ST1", 4.5],
            ["TEST-ST2", 4.5],
          ],
          0,
        ],
        [40, "包装", [["PACK-01", 1.2]], 10],
      ]),
      ...routing("PM-10T", "PM-S", [
        [
          10,
          "总装",
          [
            ["ASSY-L1", 2.5],
            ["ASSY-L2", 3],
          ],
          20,
        ],
        [20, "老化", [["AGING-01", 0]], 480],
        [
          30,
          "校准测试",
          [
            ["TEST-ST1", 3.5],
            ["TEST-ST2", 3.5],
          ],
          0,
        ],
        [40, "包装", [["PACK-01", 1]], 10],
      ]),
      ...routing("PM-12V", "PM-L", [
        [
          10,
          "总装",
          [
            ["ASSY-L1", 3],
            ["ASSY-L2", 3.5],
          ],
          20,
        ],
        [20, "老化", [["AGING-01", 0]], 480],
        [
          30,
          "校准测试",
          [
            ["TEST-ST1", 4],
            ["TEST-ST2", 4],
          ],
          0,
        ],
        [40, "包装", [["PACK-01", 1]], 10],
      ]),
      ...routing("CMS-01", "ECG", [
        [10, "总装", [["ASSY-L2", 30]], 30],
        [20, "老化", [["AGING-01", 0]], 240],
        [30, "校准测试", [["TEST-ST2", 40]], 0],
        [40, "包装", [["PACK-01", 5]], 10],
      ]),
      ...routing("ECG-12", "ECG", [
        [10, "总装", [["ASSY-L2", 5]], 20],
        [20, "老化", [["AGING-01", 0]], 240],
        [30, "校准测试", [["TEST-ST2", 6]], 0],
        [40, "包装", [["PACK-01", 1]], 10],
      ]),
    ],
    setups: [
      { machine: "*", fromFamily: "PM-S", toFamily: "PM-L", minutes: 30 },
      { machine: "*", fromFamily: "PM-L", toFamily: "PM-S", minutes: 30 },
      { machine: "*", fromFamily: "PM-S", toFamily: "ECG", minutes: 45 },
      { machine: "*", fromFamily: "PM-L", toFamily: "ECG", minutes: 45 },
      { machine: "*", fromFamily: "ECG", toFamily: "PM-S", minutes: 45 },
      { machine: "*", fromFamily: "ECG", toFamily: "PM-L", minutes: 45 },
    ],
    orders: {
      prefix: "MO-SY",
      count: 9,
      mix: [
        ["PM-10T", 20, 100],
        ["PM-12V", 10, 80],
        ["CMS-01", 2, 8],
      ],
    },
  },
  {
    orgKey: HELIAN_KEY,
    items: [
      { code: "PCBA-SY-MAIN", name: "监护仪主控板(世源)", unit: "块", leadTimeDays: 7 },
      { code: "PCBA-IND-DRV", name: "电感驱动测试板", unit: "块", leadTimeDays: 5 },
      { code: "PCBA-GW-IOT", name: "物联网网关主板", unit: "块", leadTimeDays: 6 },
    ],
    machines: [
      m("SMT-L1", "SMT 贴片线 1", "SMT", "00:00-08:00;08:00-16:00;16:00-24:00", "1-6"),
      m("SMT-L2", "SMT 贴片线 2", "SMT", "00:00-08:00;08:00-16:00;16:00-24:00", "1-6"),
      m("AOI-01", "AOI 光学检测 1", "AOI", TWO_SHIFTS, "1-6"),
      m("AOI-02", "AOI 光学检测 2", "AOI", TWO_SHIFTS, "1-6"),
      m("THT-01", "波峰焊线", "THT", DAY, "1-6"),
      m("ICT-01", "ICT/功能测试", "TEST", DAY, "1-6"),
    ],
    routings: [
      ...routing("PCBA-SY-MAIN", "BIG", [
        [
          10,
          "SMT 贴片",
          [
            ["SMT-L1", 1.1],
            ["SMT-L2", 1.3],
          ],
          60,
        ],
        [
          20,
          "AOI",
          [
            ["AOI-01", 0.4],
            ["AOI-02", 0.4],
          ],
          0,
        ],
        [30, "波峰焊", [["THT-01", 0.3]], 30],
        [40, "ICT/FCT", [["ICT-01", 0.45]], 0],
      ]),
      ...routing("PCBA-IND-DRV", "SMALL", [
        [
          10,
          "SMT 贴片",
          [
            ["SMT-L1", 0.5],
            ["SMT-L2", 0.55],
          ],
          40,
        ],
        [
          20,
          "AOI",
          [
            ["AOI-01", 0.2],
            ["AOI-02", 0.2],
          ],
          0,
        ],
        [30, "ICT/FCT", [["ICT-01", 0.25]], 0],
      ]),
      ...routing("PCBA-GW-IOT", "MID", [
        [
          10,
          "SMT 贴片",
          [
            ["SMT-L1", 0.8],
            ["SMT-L2", 0.85],
          ],
          50,
        ],
        [
          20,
          "AOI",
          [
            ["AOI-01", 0.3],
            ["AOI-02", 0.3],
          ],
          0,
        ],
        [30, "波峰焊", [["THT-01", 0.25]], 30],
        [40, "ICT/FCT", [["ICT-01", 0.35]], 0],
      ]),
    ],
    setups: [
      { machine: "*", fromFamily: "BIG", toFamily: "SMALL", minutes: 90 },
      { machine: "*", fromFamily: "BIG", toFamily: "MID", minutes: 60 },
      { machine: "*", fromFamily: "SMALL", toFamily: "BIG", minutes: 90 },
      { machine: "*", fromFamily: "SMALL", toFamily: "MID", minutes: 60 },
      { machine: "*", fromFamily: "MID", toFamily: "BIG", minutes: 60 },
      { machine: "*", fromFamily: "MID", toFamily: "SMALL", minutes: 45 },
    ],
    orders: {
      prefix: "MO-HL",
      count: 12,
      mix: [
        ["PCBA-SY-MAIN", 200, 1200],
        ["PCBA-IND-DRV", 300, 1500],
        ["PCBA-GW-IOT", 200, 1200],
      ],
    },
  },
];

const day = (at: Date, plus: number) => new Date(at.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

/**
 * Scheduling master data of the demo firms (machines with shifts, routings with alternative
 * machines, family setup times, the holiday calendar) and production orders due 3–25 days after
 * the load, so a schedule made after `npm start` has orders both comfortably and barely on time.
 */
export function demoSchedulingRows(seed: number, at: Date): Row[] {
  const rand = mulberry32(seed ^ 0x5c4ed);
  const rows: Row[] = [];
  const push = (orgId: string, entity: PlanningEntity, record: object) => {
    const data = plain(PLANNING_DATA_SCHEMAS[entity].parse(record));
    rows.push({ orgId, id: randomUUID(), entity, key: naturalKey(entity, data), data, updatedAt: at });
  };
  for (const firm of FIRMS) {
    for (const item of firm.items) push(firm.orgKey, "items", { ...item, lotRule: "lot-for-lot" });
    for (const machine of firm.machines) push(firm.orgKey, "machines", machine);
    for (const r of firm.routings) push(firm.orgKey, "routings", r);
    for (const s of firm.setups) push(firm.orgKey, "setups", s);
    for (const c of CALENDAR) push(firm.orgKey, "calendar", c);
    for (let i = 0; i < firm.orders.count; i++) {
      const [item, lo, hi] = firm.orders.mix[i % firm.orders.mix.length];
      push(firm.orgKey, "open-orders", {
        orderNo: `${firm.orders.prefix}-S${String(i + 1).padStart(3, "0")}`,
        kind: "production",
        item,
        quantity:
          hi >= 100 ? Math.round((lo + rand() * (hi - lo)) / 10) * 10 : Math.round(lo + rand() * (hi - lo)),
        dueDate: day(at, 3 + Math.floor(rand() * 23)),
        priority: 1 + Math.floor(rand() * 3),
      });
    }
  }
  return rows;
}
