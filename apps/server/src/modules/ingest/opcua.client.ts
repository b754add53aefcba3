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

export interface OpcuaEndpoint {
  endpointUrl: string;
  /** Test rig only: plain (unsigned, unencrypted) connection. */
  allowInsecure: boolean;
}

export interface OpcuaTrust {
  /** Folder of this process's client certificate and trust list (created when missing). */
  pkiDir: string;
}

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
      return manager;
    })();
    managers.set(pkiDir, m);
  }
  return m;
}

async function connect(endpoint: OpcuaEndpoint, trust: OpcuaTrust) {
  const opcua = await loadOpcua();
  const insecure = endpoint.allowInsecure;
  const client = opcua.OPCUAClient.create({
    applicationName: "ClusterBrain",
    applicationUri: "urn:clusterbrain:ingest",
    securityMode: insecure ? opcua.MessageSecurityMode.None : opcua.MessageSecurityMode.SignAndEncrypt,
    securityPolicy: insecure ? opcua.SecurityPolicy.None : opcua.SecurityPolicy.Basic256Sha256,
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
    if (/certificate|trust|BadSecurityChecks|BadCertificate/i.test(text))
      throw new OpcuaError(
        "OPCUA_UNTRUSTED",
        `the server's certificate is not in the trust list (${endpoint.endpointUrl})`,
      );
    throw new OpcuaError("OPCUA_UNREACHABLE", `cannot connect to ${endpoint.endpointUrl}`);
  }
  const session = await client.createSession().catch(async (err: unknown) => {
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
    const result = await session.browse({
      nodeId,
      browseDirection: opcua.BrowseDirection.Forward,
      referenceTypeId: "HierarchicalReferences",
      includeSubtypes: true,
      resultMask: 63,
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
}

export interface RunningOpcuaSubscription {
  stop(): Promise<void>;
}

/** Monitors the picked nodes; every data change becomes a point written through the pipeline. */
export async function subscribe(options: OpcuaSubscriptionOptions): Promise<RunningOpcuaSubscription> {
  const { opcua, client, session } = await connect(options.endpoint, options.trust);
  const subscription = await session.createSubscription2({
    requestedPublishingInterval: options.samplingMs,
    requestedMaxKeepAliveCount: 20,
    requestedLifetimeCount: 60,
    publishingEnabled: true,
  });
  for (const [nodeId, tag] of Object.entries(options.nodes)) {
    const item = await subscription.monitor(
      { nodeId, attributeId: opcua.AttributeIds.Value },
      { samplingInterval: options.samplingMs, queueSize: 100, discardOldest: true },
      opcua.TimestampsToReturn.Both,
    );
    item.on("changed", (dv) => {
      const raw: unknown = dv.value?.value;
      const value = typeof raw === "bigint" ? Number(raw) : raw;
      if (typeof value !== "number" && typeof value !== "boolean" && typeof value !== "string") return;
      const ts = (dv.sourceTimestamp ?? dv.serverTimestamp ?? new Date()).getTime();
      const point: RawPoint = { tag, ts, value };
      void options.commit({ orgId: options.orgId, deviceId: options.deviceId, points: [point] });
    });
  }
  return {
    stop: async () => {
      await subscription.terminate().catch(() => undefined);
      await session.close().catch(() => undefined);
      await client.disconnect().catch(() => undefined);
    },
  };
}
