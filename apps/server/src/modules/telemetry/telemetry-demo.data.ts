import type { MachineProcessType, TagDataType } from "@clusterbrain/contracts";
import { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY } from "@clusterbrain/demo";

export interface DemoTagSpec {
  key: string;
  dataType: TagDataType;
  unit: string;
  low: number | null;
  high: number | null;
  samplingMs: number;
}

export interface DemoMachineSpec {
  id: string;
  name: string;
  processType: MachineProcessType;
  device: string;
  tags: DemoTagSpec[];
}

export interface DemoPlantSpec {
  orgId: string;
  site: string;
  line: string;
  machines: DemoMachineSpec[];
}

const num = (
  key: string,
  unit: string,
  low: number | null,
  high: number | null,
  samplingMs = 1000,
): DemoTagSpec => ({
  key,
  dataType: "number",
  unit,
  low,
  high,
  samplingMs,
});
/** Every demo machine reports its state (run / idle / setup / down) and the reason for it. */
const STATE_TAGS: DemoTagSpec[] = [
  { key: "state", dataType: "string", unit: "", low: null, high: null, samplingMs: 5000 },
  { key: "state_reason", dataType: "string", unit: "", low: null, high: null, samplingMs: 5000 },
];

/** Cumulative good and reject counters (the OEE store counts their increases). */
const COUNT_TAGS: DemoTagSpec[] = [
  num("good_count", "pcs", null, null, 5000),
  num("reject_count", "pcs", null, null, 5000),
];

const winder = (n: number): DemoMachineSpec => ({
  id: `cw-${n}`,
  name: `绕线机 CW-0${n}`,
  processType: "coil_winding",
  device: `CW-0${n} PLC`,
  tags: [
    num("tension", "N", 1.8, 2.6),
    num("spindle_speed", "rpm", 6000, 9000),
    num("turns", "", null, null),
    ...STATE_TAGS,
    ...COUNT_TAGS,
  ],
});

const tester = (n: number): DemoMachineSpec => ({
  id: `ts-${n}`,
  name: `整机功能测试台 TS-0${n}`,
  processType: "test",
  device: `TS-0${n} 工控机`,
  tags: [
    num("pass_count", "pcs", null, null, 10_000),
    num("fail_count", "pcs", null, null, 10_000),
    num("test_time", "s", 40, 90, 10_000),
    { key: "last_result", dataType: "boolean", unit: "", low: null, high: null, samplingMs: 10_000 },
    ...STATE_TAGS,
  ],
});

/** Reflow zone set-points (°C) of an 8-zone lead-free profile: preheat, soak, peak, cooling. */
const REFLOW_ZONES: [number, number][] = [
  [140, 160],
  [160, 180],
  [175, 195],
  [185, 205],
  [215, 235],
  [240, 250],
  [235, 250],
  [150, 190],
];

/**
 * The demo firms' shop floors, consistent with the demo cluster's stories: 华磁 winds and moulds
 * inductors, 禾联 runs an SMT line with an 8-zone reflow oven, 世源 tests patient monitors.
 */
export const DEMO_PLANTS: DemoPlantSpec[] = [
  {
    orgId: FIRM_A_KEY,
    site: "华磁嘉兴工厂",
    line: "一体成型电感绕线线",
    machines: [
      winder(1),
      winder(2),
      winder(3),
      {
        id: "mp-1",
        name: "一体成型压机 MP-01",
        processType: "moulding",
        device: "MP-01 PLC",
        tags: [
          num("pressure", "MPa", 380, 420),
          num("mould_temp", "°C", 170, 190),
          ...STATE_TAGS,
          ...COUNT_TAGS,
        ],
      },
    ],
  },
  {
    orgId: HELIAN_KEY,
    site: "禾联秀洲工厂",
    line: "SMT 一线",
    machines: [
      {
        id: "nxt-1",
        name: "贴片机 NXT-1",
        processType: "smt_placement",
        device: "NXT-1 主机",
        tags: [
          num("placement_rate", "cph", 20_000, 45_000),
          num("pick_errors", "ppm", null, 500),
          ...STATE_TAGS,
          ...COUNT_TAGS,
        ],
      },
      {
        id: "rf-1",
        name: "回流焊炉 RF-1",
        processType: "reflow",
        device: "RF-1 温控器",
        tags: [
          ...REFLOW_ZONES.map(([low, high], i) => num(`zone${i + 1}/temp`, "°C", low, high)),
          num("conveyor_speed", "cm/min", 70, 90),
          num("o2_ppm", "ppm", null, 1000, 5000),
          ...STATE_TAGS,
          ...COUNT_TAGS,
        ],
      },
    ],
  },
  {
    orgId: SHIYUAN_KEY,
    site: "世源嘉兴工厂",
    line: "监护仪总装测试线",
    machines: [tester(1), tester(2)],
  },
];
