import { z } from "zod";
import { idSchema, text } from "./common.contract.ts";

/**
 * Device connections a firm stores and the server runs: OPC UA subscriptions and Modbus TCP
 * polling. Each feeds one device of the firm's asset tree; each picked node / register maps to
 * one tag of that device. Secrets (an OPC UA user password) are write-only: answers say only
 * whether one is set.
 */
export const CONNECTION_KINDS = ["opcua", "modbus"] as const;
export const connectionKindSchema = z.enum(CONNECTION_KINDS);
export type ConnectionKind = z.infer<typeof connectionKindSchema>;

/** OPC UA message security modes; None only when the firm's test-rig flag is on. */
export const OPCUA_CONNECTION_MODES = ["SignAndEncrypt", "Sign", "None"] as const;
export const opcuaConnectionModeSchema = z.enum(OPCUA_CONNECTION_MODES);
export type OpcuaConnectionMode = z.infer<typeof opcuaConnectionModeSchema>;

/** OPC UA security policies offered (None only with mode None). */
export const OPCUA_SECURITY_POLICIES = [
  "Basic256Sha256",
  "Aes128_Sha256_RsaOaep",
  "Aes256_Sha256_RsaPss",
  "None",
] as const;
export const opcuaSecurityPolicySchema = z.enum(OPCUA_SECURITY_POLICIES);
export type OpcuaSecurityPolicy = z.infer<typeof opcuaSecurityPolicySchema>;

export const MODBUS_TABLES = ["holding", "input"] as const;
export const MODBUS_VALUE_TYPES = ["int16", "uint16", "int32", "uint32", "float32"] as const;
export const MODBUS_WORD_ORDERS = ["big", "little"] as const;

/** Live state of a running connection as this server process sees it. */
export const CONNECTION_STATES = ["stopped", "connecting", "connected", "error"] as const;
export const connectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

const endpointUrl = text({ min: 1, max: 500 }).regex(
  /^opc\.tcp:\/\/[^\s/]+(\/.*)?$/,
  "must be an opc.tcp:// URL",
);
const nodeId = text({ min: 1, max: 500 });

export const opcuaNodeMappingSchema = z.object({ nodeId, tagId: idSchema }).strict();
export type OpcuaNodeMapping = z.infer<typeof opcuaNodeMappingSchema>;

export const opcuaConnectionConfigSchema = z
  .object({
    endpointUrl,
    securityMode: opcuaConnectionModeSchema.default("SignAndEncrypt"),
    securityPolicy: opcuaSecurityPolicySchema.default("Basic256Sha256"),
    /** User identity; anonymous when left out. */
    username: text({ min: 1, max: 200 }).optional(),
    /** Write-only. On update, left out keeps the stored one. */
    password: text({ min: 1, max: 200 }).optional(),
    samplingMs: z.number().int().min(50).max(3_600_000).default(1000),
    nodes: z.array(opcuaNodeMappingSchema).max(500).default([]),
  })
  .strict()
  .refine((c) => (c.securityMode === "None") === (c.securityPolicy === "None"), {
    message: "security policy None goes with security mode None, and only with it",
    path: ["securityPolicy"],
  });

export const modbusRegisterSchema = z
  .object({
    tagId: idSchema,
    table: z.enum(MODBUS_TABLES),
    /** Zero-based register address. */
    address: z.number().int().min(0).max(65_535),
    type: z.enum(MODBUS_VALUE_TYPES),
    /** 32-bit values: big = high word first (ABCD), little = low word first (CDAB). */
    wordOrder: z.enum(MODBUS_WORD_ORDERS).default("big"),
    /** value = raw × scale + offset. */
    scale: z
      .number()
      .finite()
      .refine((s) => s !== 0, "must not be 0")
      .default(1),
    offset: z.number().finite().default(0),
  })
  .strict()
  .refine((r) => r.address + (r.type === "int16" || r.type === "uint16" ? 1 : 2) <= 65_536, {
    message: "a 32-bit value needs two registers below 65536",
    path: ["address"],
  });
export type ModbusRegister = z.infer<typeof modbusRegisterSchema>;
export type ModbusRegisterInput = z.input<typeof modbusRegisterSchema>;

export const modbusConnectionConfigSchema = z
  .object({
    host: text({ min: 1, max: 253 }).regex(/^[A-Za-z0-9.:_-]+$/, "must be a host name or IP address"),
    port: z.number().int().min(1).max(65_535).default(502),
    unitId: z.number().int().min(0).max(255).default(1),
    pollMs: z.number().int().min(100).max(3_600_000).default(1000),
    timeoutMs: z.number().int().min(100).max(60_000).default(2000),
    registers: z.array(modbusRegisterSchema).max(500).default([]),
  })
  .strict();

const common = {
  name: text({ min: 1, max: 200 }),
  /** The asset-tree device the values belong to. */
  deviceId: idSchema,
  enabled: z.boolean().default(true),
};

export const connectionInputSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("opcua"), opcua: opcuaConnectionConfigSchema }).strict(),
  z.object({ ...common, kind: z.literal("modbus"), modbus: modbusConnectionConfigSchema }).strict(),
]);
export type ConnectionInput = z.infer<typeof connectionInputSchema>;
export type ConnectionInputRequest = z.input<typeof connectionInputSchema>;

export const connectionStatusSchema = z.object({
  state: connectionStateSchema,
  /** Why the last attempt failed (state error), in plain words. */
  error: z.string().nullable(),
  /** When the last value arrived from the device. */
  lastValueAt: z.string().nullable(),
  /** Reconnect attempts since the last success. */
  attempts: z.number().int(),
  /** When the next attempt is due (state error). */
  retryAt: z.string().nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  deviceId: z.string(),
  kind: connectionKindSchema,
  enabled: z.boolean(),
  opcua: z
    .object({
      endpointUrl: z.string(),
      securityMode: opcuaConnectionModeSchema,
      securityPolicy: opcuaSecurityPolicySchema,
      username: z.string().nullable(),
      /** A password is stored (never returned). */
      hasPassword: z.boolean(),
      samplingMs: z.number().int(),
      nodes: z.array(z.object({ nodeId: z.string(), tagId: z.string() })),
    })
    .nullable(),
  modbus: z
    .object({
      host: z.string(),
      port: z.number().int(),
      unitId: z.number().int(),
      pollMs: z.number().int(),
      timeoutMs: z.number().int(),
      registers: z.array(
        z.object({
          tagId: z.string(),
          table: z.enum(MODBUS_TABLES),
          address: z.number().int(),
          type: z.enum(MODBUS_VALUE_TYPES),
          wordOrder: z.enum(MODBUS_WORD_ORDERS),
          scale: z.number(),
          offset: z.number(),
        }),
      ),
    })
    .nullable(),
  status: connectionStatusSchema,
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;
export const connectionListSchema = z.object({ items: z.array(connectionSchema) });

/** Browse through a stored OPC UA connection (its endpoint, security and identity). */
export const connectionBrowseBodySchema = z.object({ nodeId: nodeId.optional() }).strict();

/** A certificate in a firm's OPC UA trust list (public data only). */
export const trustedCertificateSchema = z.object({
  id: z.string(),
  thumbprint: z.string(),
  subject: z.string(),
  validTo: z.string().nullable(),
  createdAt: z.string(),
});
export type TrustedCertificate = z.infer<typeof trustedCertificateSchema>;
export const opcuaTrustSchema = z.object({
  /** The firm's client certificate (PEM): add it to the OPC UA server's trust list. */
  clientCertificate: z.string(),
  trusted: z.array(trustedCertificateSchema),
});
export const trustCertificateBodySchema = z
  .object({
    pem: text({ min: 1, max: 20_000, multiline: true }).regex(
      /-----BEGIN CERTIFICATE-----/,
      "must be a PEM certificate",
    ),
  })
  .strict();
/** A server's certificate as fetched from its endpoint list (to decide whether to trust it). */
export const serverCertificateBodySchema = z.object({ endpointUrl }).strict();
export const serverCertificateSchema = z.object({
  pem: z.string(),
  thumbprint: z.string(),
  subject: z.string(),
  validTo: z.string().nullable(),
  /** Already in the firm's trust list. */
  trusted: z.boolean(),
});
