/** Pieces every engine domain (and the demo, CLI, server and benchmarks) share. */
export * from "./csv.ts";
export * from "./engine-error.ts";
export * from "./normal.ts";
export * from "./random.ts";
