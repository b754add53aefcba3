import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ModbusRegister, OpcuaConnectionMode, OpcuaSecurityPolicy } from "@clusterbrain/contracts";
import type { DbOrTx } from "../../db/database.ts";
import type { CommitOutcome } from "../ingest/ingest.pipeline.ts";
import { IngestSettingsRepository } from "../ingest/ingest-settings.repository.ts";
import { startModbusPoller } from "../ingest/modbus.poller.ts";
import { subscribe } from "../ingest/opcua.client.ts";
import type { PointBatch } from "../telemetry/telemetry.types.ts";
import type { StartRunner } from "./connection.manager.ts";
import { ConnectionRepository } from "./connection.repository.ts";

/** What an OPC UA connection stores in `config` (the password lives in `secret`). */
export interface OpcuaStoredConfig {
  endpointUrl: string;
  securityMode: OpcuaConnectionMode;
  securityPolicy: OpcuaSecurityPolicy;
  username: string | null;
  samplingMs: number;
  nodes: { nodeId: string; tagId: string }[];
}

export interface ModbusStoredConfig {
  host: string;
  port: number;
  unitId: number;
  pollMs: number;
  timeoutMs: number;
  registers: ModbusRegister[];
}

/** A firm's own PKI folder (its OPC UA client certificate and private key, never served). */
export function orgPkiDir(dataDir: string, orgId: string): string {
  const safe = createHash("sha256").update(orgId).digest("hex").slice(0, 24);
  return join(dataDir, "pki", "opcua", "orgs", safe);
}

/** The OPC UA endpoint settings of a stored connection. */
export function opcuaEndpointOf(config: OpcuaStoredConfig, secret: string | null) {
  const insecure = config.securityMode === "None";
  return {
    endpointUrl: config.endpointUrl,
    allowInsecure: insecure,
    mode: insecure ? undefined : (config.securityMode as "SignAndEncrypt" | "Sign"),
    policy:
      config.securityPolicy === "None"
        ? undefined
        : (config.securityPolicy as Exclude<OpcuaSecurityPolicy, "None">),
    user: config.username ? { userName: config.username, password: secret ?? "" } : undefined,
  };
}

export const INSECURE_REFUSED =
  "security mode None is refused; a firm can allow it for a test rig only (ingest settings)";

/**
 * Starts stored connections: reads the row, the device's tags and (OPC UA) the firm's trust list
 * afresh on every attempt, so a fixed trust list or a new tag is picked up by the next retry.
 * node-opcua is imported only here, when an OPC UA connection actually starts.
 */
export function connectionStarter(
  db: DbOrTx,
  dataDir: string,
  commit: (batch: PointBatch) => Promise<CommitOutcome>,
): StartRunner {
  return async (conn, hooks) => {
    const repo = new ConnectionRepository(db);
    const row = await repo.get(conn.orgId, conn.id);
    if (!row) throw new Error("the connection was deleted");
    const tags = await repo.deviceTags(conn.orgId, row.deviceId);
    if (row.kind === "opcua") {
      const config = row.config as unknown as OpcuaStoredConfig;
      const settings = await new IngestSettingsRepository(db).get(conn.orgId);
      if (config.securityMode === "None" && !settings.opcuaTestRig) throw new Error(INSECURE_REFUSED);
      const trusted = new Set((await repo.trusted(conn.orgId)).map((c) => c.thumbprint));
      const nodes: Record<string, string> = {};
      for (const n of config.nodes) {
        const tag = tags.get(n.tagId);
        if (tag) nodes[n.nodeId] = tag.key;
      }
      const running = await subscribe({
        endpoint: opcuaEndpointOf(config, row.secret),
        trust: { pkiDir: orgPkiDir(dataDir, conn.orgId), trusted },
        orgId: conn.orgId,
        deviceId: row.deviceId,
        nodes,
        samplingMs: config.samplingMs,
        commit,
        onValue: (ts) => hooks.value(ts),
        onLost: (reason) => hooks.failed(reason),
      });
      hooks.connected();
      return running;
    }
    const config = row.config as unknown as ModbusStoredConfig;
    const registers = config.registers.flatMap((r) => {
      const tag = tags.get(r.tagId);
      return tag ? [{ ...r, tag: tag.key }] : [];
    });
    return startModbusPoller(
      {
        host: config.host,
        port: config.port,
        unitId: config.unitId,
        pollMs: config.pollMs,
        timeoutMs: config.timeoutMs,
        orgId: conn.orgId,
        deviceId: row.deviceId,
        registers,
        onPoll: (result) => {
          if (result.ok) {
            hooks.connected();
            hooks.value(result.ts);
          } else hooks.failed(result.error);
        },
      },
      commit,
    );
  };
}
