import type { ChainCategory, DemoChainNode } from "./demo.types.ts";

/** Builds chain-node records compactly; shared by the upstream and downstream data files. */

export type Pair = readonly [string, string];

export function node(
  key: string,
  name: Pair,
  stage: DemoChainNode["stage"],
  category: ChainCategory,
  industryCode: string,
  upstream: readonly string[],
  products: readonly Pair[],
): DemoChainNode {
  return {
    key,
    nameZh: name[0],
    nameEn: name[1],
    stage,
    category,
    industryCode,
    upstream,
    products: products.map(([zh, en]) => ({ zh, en })),
  };
}

export const INDUCTOR_INPUTS = [
  "mnzn-ferrite",
  "metal-powder-core",
  "sendust-core",
  "carbonyl-iron",
  "magnet-wire",
];
export const COMPONENTS = [
  "power-inductor",
  "molded-inductor",
  "chip-inductor",
  "wirewound-inductor",
  "common-mode-choke",
  "ferrite-bead",
  "mlcc",
  "al-electrolytic-cap",
  "film-cap",
  "tantalum-cap",
  "chip-resistor",
  "ic-package",
  "connector",
];
export const BOARDS = ["rigid-pcb", "hdi-pcb", "fpc"];
export const DEVICES = [
  "patient-monitor",
  "ecg",
  "holter",
  "color-ultrasound",
  "portable-ultrasound",
  "pulse-oximeter",
  "bp-monitor",
  "infusion-pump",
  "ventilator",
  "dr-xray",
  "endoscope",
  "defibrillator",
];
