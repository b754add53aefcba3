export * from "./audit.schema.ts";
export * from "./chain.schema.ts";
export * from "./grant.schema.ts";
export * from "./indicator.schema.ts";
export * from "./invitation.schema.ts";
export * from "./job.schema.ts";
export * from "./org.schema.ts";
export * from "./user.schema.ts";
