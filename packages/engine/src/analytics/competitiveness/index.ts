export * from "./competitiveness.ts";
export * from "./entropy-topsis.ts";
