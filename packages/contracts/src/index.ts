export * from "./audit.contract.ts";
export * from "./auth.contract.ts";
export * from "./chain.contract.ts";
export * from "./common.contract.ts";
export * from "./errors.contract.ts";
export * from "./grant.contract.ts";
export * from "./org.contract.ts";
export * from "./uscc.ts";
