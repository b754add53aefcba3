export * from "./cross-efficiency.ts";
export * from "./dea-data.ts";
export * from "./envelopment.ts";
export * from "./radial.ts";
export * from "./sbm.ts";
export * from "./super-efficiency.ts";
