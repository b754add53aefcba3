import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PointBatch, RawPoint } from "../telemetry/telemetry.types.ts";
import type { CommitOutcome } from "./ingest.pipeline.ts";

/**
 * OPC UA client (node-opcua, imported only when first used: ~70 MB and seconds of import time).
 * Security: SignAndEncrypt with Basic256Sha256, and the server's certificate must be in our
 * trust list (`<pkiDir>/trusted`); an untrusted server is refused. `None` is refused unless the
 * firm turned its test-rig flag on (`allowInsecure`).
 */
type NodeOpcua = typeof import("node-opcua");
let loaded: Promise<NodeOpcua> | undefined;
export function loadOpcua(): Promise<NodeOpcua> {
  loaded ??= import("node-opcua");
  return loaded;
}

/** Has node-opcua been imported in this process (it must not be, until a connection needs it)? */
export function opcuaLoaded(): boolean {
  return loaded !== undefined;
}

export interface OpcuaEndpoint {
  endpointUrl: string;
  /** Test rig only: plain (unsigned, unencrypted) connection. */
  allowInsecure: boolean;
  /** Secure modes: SignAndEncrypt (default) or Sign. */
  mode?: "SignAndEncrypt" | "Sign";
  /** Default Basic256Sha256. */
  policy?: "Basic256Sha256" | "Aes128_Sha256_RsaOaep" | "Aes256_Sha256_RsaPss";
  /** User identity; anonymous when unset. */
  user?: { userName: string; password: string };
}

export interface OpcuaTrust {
  /** Folder of the client certificate and (without `trusted`) trust list; created when missing. */
  pkiDir: string;
  /**
   * The trust list as SHA-1 thumbprints (hex, lower case) of server certificates, e.g. a firm's
   * list from the database; when given, it alone decides, the folder's trust list is not used.
   */
  trusted?: ReadonlySet<string>;
}

/** SHA-1 thumbprint (hex, lower case) of the first certificate of a DER buffer (a chain is allowed). */
export function thumbprintOf(der: Buffer): string {
  return createHash("sha1").update(firstCertificate(der)).digest("hex");
}

/** The first certificate of a DER chain (ASN.1 SEQUENCE with definite length). */
export function firstCertificate(der: Buffer): Buffer {
  if (der.length < 2 || der[0] !== 0x30) return der;
  const first = der[1];
  if (first < 0x80) return der.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i];
  return der.subarray(0, 2 + n + len);
}

const trustLists = new Map<string, ReadonlySet<string>>();

export class OpcuaError extends Error {
  override name = "OpcuaError";
  constructor(
    readonly code: "OPCUA_INSECURE_REFUSED" | "OPCUA_UNREACHABLE" | "OPCUA_UNTRUSTED" | "OPCUA_BAD_NODE",
    message: string,
  ) {
    super(message);
  }
}

export interface BrowsedNode {
  nodeId: string;
  browseName: string;
  displayName: string;
  nodeClass:
    | "Object"
    | "Variable"
    | "Method"
    | "ObjectType"
    | "VariableType"
    | "ReferenceType"
    | "DataType"
    | "View";
  /** For variables: the data type's node id (e.g. i=11 Double). */
  dataType?: string;
}

const managers = new Map<string, Promise<InstanceType<NodeOpcua["OPCUACertificateManager"]>>>();

/** One certificate manager per PKI folder; unknown server certificates are rejected, not trusted. */
export function certificateManager(
  pkiDir: string,
): Promise<InstanceType<NodeOpcua["OPCUACertificateManager"]>> {
  let m = managers.get(pkiDir);
  if (!m) {
    m = (async () => {
      const { OPCUACertificateManager } = await loadOpcua();
      const manager = new OPCUACertificateManager({
        rootFolder: pkiDir,
        automaticallyAcceptUnknownCertificate: false,
      });
      await manager.initialize();
      // A trust list handed in by the caller (per firm, from the database) replaces the folder's.
      const folderCheck = manager.checkCertificate.bind(manager);
      const { StatusCodes } = await loadOpcua();
      manager.checkCertificate = async (certificate: Buffer) => {
        const list = trustLists.get(pkiDir);
        if (!list) return folderCheck(certificate);
        return list.has(thumbprintOf(certificate)) ? StatusCodes.Good : StatusCodes.BadCertificateUntrusted;
      };
      return manager;
    })();
    managers.set(pkiDir, m);
  }
  return m;
}

async function connect(endpoint: OpcuaEndpoint, trust: OpcuaTrust) {
  const opcua = await loadOpcua();
  const insecure = endpoint.allowInsecure;
  if (trust.trusted) trustLists.set(trust.pkiDir, trust.trusted);
  else trustLists.delete(trust.pkiDir);
  const client = opcua.OPCUAClient.create({
    applicationName: "ClusterBrain",
    applicationUri: "urn:clusterbrain:ingest",
    securityMode: insecure
      ? opcua.MessageSecurityMode.None
      : endpoint.mode === "Sign"
        ? opcua.MessageSecurityMode.Sign
        : opcua.MessageSecurityMode.SignAndEncrypt,
    securityPolicy: insecure
      ? opcua.SecurityPolicy.None
      : opcua.SecurityPolicy[endpoint.policy ?? "Basic256Sha256"],
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
    clientCertificateManager: await certificateManager(trust.pkiDir),
    defaultSecureTokenLifetime: 600_000,
    transportTimeout: 10_000,
  });
  try {
    await client.connect(endpoint.endpointUrl);
  } catch (err) {
    await client.disconnect().catch(() => undefined);
    const text = String(err);
    if (
      /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EAI_AGAIN|timeout|Fail to connect|cannot be established/i.test(
        text,
      )
    )
      throw new OpcuaError("OPCUA_UNREACHABLE", `cannot connect to ${endpoint.endpointUrl}`);
    if (/certificate|trust|BadSecurityChecks|BadCertificate/i.test(text))
      throw new OpcuaError(
        "OPCUA_UNTRUSTED",
        `the server's certificate is not in the trust list (${endpoint.endpointUrl})`,
      );
    throw new OpcuaError("OPCUA_UNREACHABLE", `cannot connect to ${endpoint.endpointUrl}`);
  }
  const identity: import("node-opcua").UserIdentityInfo | undefined = endpoint.user
    ? {
        type: opcua.UserTokenType.UserName,
        userName: endpoint.user.userName,
        password: endpoint.user.password,
      }
    : undefined;
  const session = await client.createSession(identity).catch(async (err: unknown) => {
    await client.disconnect().catch(() => undefined);
    throw new OpcuaError(
      "OPCUA_UNREACHABLE",
      `no session on ${endpoint.endpointUrl}: ${String(err).slice(0, 200)}`,
    );
  });
  return { opcua, client, session };
}

/** Refuses an insecure endpoint unless the firm's test-rig flag is on. */
export function checkSecurity(endpoint: OpcuaEndpoint, testRig: boolean): void {
  if (endpoint.allowInsecure && !testRig)
    throw new OpcuaError(
      "OPCUA_INSECURE_REFUSED",
      "security mode None is refused; a firm can allow it for a test rig only",
    );
}

/** The children of `nodeId` (default: the Objects folder), for the web's address-space browser. */
export async function browse(
  endpoint: OpcuaEndpoint,
  trust: OpcuaTrust,
  nodeId = "ns=0;i=85",
): Promise<BrowsedNode[]> {
  const { opcua, client, session } = await connect(endpoint, trust);
  try {
    const result = await session
      .browse({
        nodeId,
        browseDirection: opcua.BrowseDirection.Forward,
        referenceTypeId: "HierarchicalReferences",
        includeSubtypes: true,
        resultMask: 63,
      })
      .catch((err: unknown) => {
        throw new OpcuaError("OPCUA_BAD_NODE", `cannot browse ${nodeId}: ${String(err).slice(0, 200)}`);
      });
    if (result.statusCode.isNotGood())
      throw new OpcuaError("OPCUA_BAD_NODE", `cannot browse ${nodeId}: ${result.statusCode.name}`);
    const refs = result.references ?? [];
    const nodes: BrowsedNode[] = refs.map((r) => ({
      nodeId: r.nodeId.toString(),
      browseName: r.browseName.toString(),
      displayName: r.displayName.text ?? r.browseName.name ?? "",
      nodeClass: opcua.NodeClass[r.nodeClass] as BrowsedNode["nodeClass"],
    }));
    const variables = nodes.filter((n) => n.nodeClass === "Variable");
    if (variables.length > 0) {
      const types = await session.read(
        variables.map((v) => ({ nodeId: v.nodeId, attributeId: opcua.AttributeIds.DataType })),
      );
      variables.forEach((v, i) => {
        const value = types[i]?.value?.value;
        if (value) v.dataType = String(value.toString());
      });
    }
    return nodes;
  } finally {
    await session.close().catch(() => undefined);
    await client.disconnect().catch(() => undefined);
  }
}

export interface OpcuaSubscriptionOptions {
  endpoint: OpcuaEndpoint;
  trust: OpcuaTrust;
  orgId: string;
  deviceId: string;
  /** Node id → tag key. */
  nodes: Record<string, string>;
  samplingMs: number;
  commit(batch: PointBatch): Promise<CommitOutcome>;
  /** A value arrived (epoch ms of its timestamp). */
  onValue?(ts: number): void;
  /** The connection to the server was lost after it had been made. */
  onLost?(reason: string): void;
}

export interface RunningOpcuaSubscription {
  stop(): Promise<void>;
}

/** Monitors the picked nodes; every data change becomes a point written through the pipeline. */
export async function subscribe(options: OpcuaSubscriptionOptions): Promise<RunningOpcuaSubscription> {
  const { opcua, client, session } = await connect(options.endpoint, options.trust);
  const close = async () => {
    await session.close().catch(() => undefined);
    await client.disconnect().catch(() => undefined);
  };
  let stopping = false;
  const lost = (reason: string) => {
    if (!stopping) options.onLost?.(reason);
  };
  client.on("connection_lost", () => lost("connection to the server lost"));
  client.on("close", () => lost("connection to the server closed"));
  session.on("session_closed", () => lost("session closed by the server"));
  let subscription: import("node-opcua").ClientSubscription;
  try {
    subscription = await session.createSubscription2({
      requestedPublishingInterval: options.samplingMs,
      requestedMaxKeepAliveCount: 20,
      requestedLifetimeCount: 60,
      publishingEnabled: true,
    });
  } catch (err) {
    stopping = true;
    await close();
    throw new OpcuaError("OPCUA_UNREACHABLE", `no subscription: ${String(err).slice(0, 200)}`);
  }
  for (const [nodeId, tag] of Object.entries(options.nodes)) {
    const item = await subscription
      .monitor(
        { nodeId, attributeId: opcua.AttributeIds.Value },
        { samplingInterval: options.samplingMs, queueSize: 100, discardOldest: true },
        opcua.TimestampsToReturn.Both,
      )
      .catch(async (err: unknown) => {
        stopping = true;
        await close();
        throw new OpcuaError("OPCUA_BAD_NODE", `cannot monitor ${nodeId}: ${String(err).slice(0, 200)}`);
      });
    if (item.statusCode.isNotGood()) {
      stopping = true;
      await subscription.terminate().catch(() => undefined);
      await close();
      throw new OpcuaError("OPCUA_BAD_NODE", `cannot monitor ${nodeId}: ${item.statusCode.name}`);
    }
    item.on("changed", (dv) => {
      const raw: unknown = dv.value?.value;
      const value = typeof raw === "bigint" ? Number(raw) : raw;
      if (typeof value !== "number" && typeof value !== "boolean" && typeof value !== "string") return;
      const ts = (dv.sourceTimestamp ?? dv.serverTimestamp ?? new Date()).getTime();
      const point: RawPoint = { tag, ts, value };
      options.onValue?.(ts);
      void options.commit({ orgId: options.orgId, deviceId: options.deviceId, points: [point] });
    });
  }
  return {
    stop: async () => {
      stopping = true;
      await subscription.terminate().catch(() => undefined);
      await close();
    },
  };
}

function toPem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/**
 * The server's certificate (PEM) from its endpoint list: OPC UA discovery, which every server
 * answers without security, so a firm can compare the thumbprint and then trust it.
 */
export async function fetchServerCertificate(endpointUrl: string): Promise<string> {
  const opcua = await loadOpcua();
  const client = opcua.OPCUAClient.create({
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
    transportTimeout: 10_000,
  });
  try {
    await client.connect(endpointUrl).catch(() => {
      throw new OpcuaError("OPCUA_UNREACHABLE", `cannot connect to ${endpointUrl}`);
    });
    const endpoints = await client.getEndpoints();
    const der = endpoints.find(
      (e) => e.serverCertificate && e.serverCertificate.length > 0,
    )?.serverCertificate;
    if (!der) throw new OpcuaError("OPCUA_UNTRUSTED", `${endpointUrl} offers no server certificate`);
    return toPem(firstCertificate(der));
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}

/** This PKI folder's client certificate (PEM; created on first use) for the server's trust list. */
export async function clientCertificatePem(pkiDir: string): Promise<string> {
  const opcua = await loadOpcua();
  const manager = await certificateManager(pkiDir);
  const file = join(manager.rootDir, "own", "certs", "client_certificate.pem");
  if (!existsSync(file)) {
    const client = opcua.OPCUAClient.create({
      applicationName: "ClusterBrain",
      applicationUri: "urn:clusterbrain:ingest",
      clientCertificateManager: manager,
    });
    await (client as unknown as { createDefaultCertificate(): Promise<void> }).createDefaultCertificate();
  }
  return readFileSync(file, "utf8");
}
