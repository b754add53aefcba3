export * from "./malmquist.ts";
