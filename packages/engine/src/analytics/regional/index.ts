export * from "./concentration.ts";
export * from "./shift-share.ts";
