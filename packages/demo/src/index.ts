export { CHAIN_NODES } from "./chain-nodes.data.ts";
export { DEFAULT_DEMO_SEED, DEMO_YEARS, generateDemoCluster } from "./demo.generator.ts";
export type * from "./demo.types.ts";
export { DISTRICTS } from "./districts.data.ts";
export { OPERATOR_KEY } from "./institutions.data.ts";
export { DEMO_HISTORY_MONTHS, type DemoPlanningData, demoPlanningData } from "./planning.data.ts";
export { VOLUME_BANDS } from "./relations.generator.ts";
export { FIRM_A_KEY, HELIAN_KEY, SHIYUAN_KEY, XINYUAN_KEY } from "./stories.data.ts";
