import { z } from "zod";
import { text } from "./common.contract.ts";

/** OPC UA security the platform uses for a server: SignAndEncrypt, or None for a test rig only. */
export const OPCUA_SECURITY_MODES = ["SignAndEncrypt", "None"] as const;
export const opcuaSecurityModeSchema = z.enum(OPCUA_SECURITY_MODES);

export const OPCUA_NODE_CLASSES = [
  "Object",
  "Variable",
  "Method",
  "ObjectType",
  "VariableType",
  "ReferenceType",
  "DataType",
  "View",
] as const;

export const opcuaBrowseBodySchema = z
  .object({
    endpointUrl: text({ min: 1, max: 500 }).regex(
      /^opc\.tcp:\/\/[^\s/]+(\/.*)?$/,
      "must be an opc.tcp:// URL",
    ),
    /** Node whose children to list; default the Objects folder (ns=0;i=85). */
    nodeId: text({ min: 1, max: 500 }).optional(),
    securityMode: opcuaSecurityModeSchema.default("SignAndEncrypt"),
  })
  .strict();
export type OpcuaBrowseBody = z.infer<typeof opcuaBrowseBodySchema>;

export const opcuaNodeSchema = z.object({
  nodeId: z.string(),
  browseName: z.string(),
  displayName: z.string(),
  nodeClass: z.enum(OPCUA_NODE_CLASSES),
  dataType: z.string().optional(),
});
export const opcuaBrowseResultSchema = z.object({ nodes: z.array(opcuaNodeSchema) });
export type OpcuaBrowseResult = z.infer<typeof opcuaBrowseResultSchema>;

/** A firm's ingest settings: `opcuaTestRig` allows OPC UA security mode None (test rigs only). */
export const ingestSettingsSchema = z.object({ opcuaTestRig: z.boolean() }).strict();
export type IngestSettingsBody = z.infer<typeof ingestSettingsSchema>;
