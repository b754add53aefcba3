import { randomUUID, X509Certificate } from "node:crypto";
import type {
  Connection,
  ConnectionInput,
  OpcuaBrowseResult,
  TrustedCertificate,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { IngestSettingsRepository } from "../ingest/ingest-settings.repository.ts";
import type { ConnectionManager } from "./connection.manager.ts";
import {
  ConnectionRepository,
  type ConnectionRow,
  type TrustedCertificateRow,
} from "./connection.repository.ts";
import {
  INSECURE_REFUSED,
  type ModbusStoredConfig,
  type OpcuaStoredConfig,
  opcuaEndpointOf,
  orgPkiDir,
} from "./connection.runners.ts";

/** Any OPC UA failure as a clear 409 (or 403 for refused security), never a 500. */
async function opcuaCall<T>(run: () => Promise<T>): Promise<T> {
  const { OpcuaError } = await import("../ingest/opcua.client.ts");
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof OpcuaError)) throw err;
    if (err.code === "OPCUA_INSECURE_REFUSED") throw new ForbiddenError(err.message);
    throw new ConflictError(err.message, { reason: err.code });
  }
}

function certificateInfo(pem: string) {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw ValidationError.field("pem", "is not a readable X.509 certificate");
  }
  return {
    thumbprint: cert.fingerprint.replaceAll(":", "").toLowerCase(),
    subject: cert.subject.replaceAll("\n", ", "),
    validTo: Number.isNaN(Date.parse(cert.validTo)) ? null : new Date(cert.validTo),
    pem: cert.toString(),
  };
}

function toTrusted(row: TrustedCertificateRow): TrustedCertificate {
  return {
    id: row.id,
    thumbprint: row.thumbprint,
    subject: row.subject,
    validTo: row.validTo?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A firm's device connections: stored settings (secrets write-only), validated against its asset
 * tree, and handed to the connection manager, which (re)starts only the connection changed.
 */
export class ConnectionService {
  constructor(
    private readonly db: Database,
    private readonly manager: ConnectionManager,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  toConnection(row: ConnectionRow): Connection {
    const base = {
      id: row.id,
      name: row.name,
      deviceId: row.deviceId,
      kind: row.kind,
      enabled: row.enabled,
      status: row.enabled ? this.manager.status(row.orgId, row.id) : this.manager.status("", ""),
      updatedAt: row.updatedAt.toISOString(),
    };
    if (row.kind === "opcua") {
      const c = row.config as unknown as OpcuaStoredConfig;
      return {
        ...base,
        opcua: {
          endpointUrl: c.endpointUrl,
          securityMode: c.securityMode,
          securityPolicy: c.securityPolicy,
          username: c.username,
          hasPassword: row.secret !== null,
          samplingMs: c.samplingMs,
          nodes: c.nodes,
        },
        modbus: null,
      };
    }
    const m = row.config as unknown as ModbusStoredConfig;
    return { ...base, opcua: null, modbus: { ...m } };
  }

  async list(actor: Actor): Promise<{ items: Connection[] }> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const rows = await new ConnectionRepository(this.db).list(actor.orgId);
    return { items: rows.map((r) => this.toConnection(r)) };
  }

  async get(actor: Actor, id: string): Promise<Connection> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    return this.toConnection(await this.row(actor.orgId, id));
  }

  private async row(orgId: string, id: string): Promise<ConnectionRow> {
    const row = await new ConnectionRepository(this.db).get(orgId, id);
    if (!row) throw new NotFoundError("connection", id);
    return row;
  }

  /** Checks the input against the firm's asset tree and settings; the config to store. */
  private async validate(orgId: string, input: ConnectionInput): Promise<Record<string, unknown>> {
    const repo = new ConnectionRepository(this.db);
    if (!(await repo.deviceExists(orgId, input.deviceId))) throw new NotFoundError("device", input.deviceId);
    const tags = await repo.deviceTags(orgId, input.deviceId);
    if (input.kind === "opcua") {
      const c = input.opcua;
      if (c.securityMode === "None" && !(await new IngestSettingsRepository(this.db).get(orgId)).opcuaTestRig)
        throw new ForbiddenError(INSECURE_REFUSED);
      const seen = new Set<string>();
      c.nodes.forEach((n, i) => {
        if (!tags.has(n.tagId))
          throw ValidationError.field(`opcua.nodes.${i}.tagId`, "is not a tag of this device");
        if (seen.has(n.nodeId)) throw ValidationError.field(`opcua.nodes.${i}.nodeId`, "is mapped twice");
        seen.add(n.nodeId);
      });
      const stored: OpcuaStoredConfig = {
        endpointUrl: c.endpointUrl,
        securityMode: c.securityMode,
        securityPolicy: c.securityPolicy,
        username: c.username ?? null,
        samplingMs: c.samplingMs,
        nodes: c.nodes,
      };
      return { ...stored };
    }
    const m = input.modbus;
    const used = new Map<string, number>();
    const tagsSeen = new Set<string>();
    m.registers.forEach((r, i) => {
      const tag = tags.get(r.tagId);
      if (!tag) throw ValidationError.field(`modbus.registers.${i}.tagId`, "is not a tag of this device");
      if (tag.dataType !== "number")
        throw ValidationError.field(`modbus.registers.${i}.tagId`, "a register feeds a number tag only");
      if (tagsSeen.has(r.tagId))
        throw ValidationError.field(`modbus.registers.${i}.tagId`, "is mapped twice");
      tagsSeen.add(r.tagId);
      const width = r.type === "int16" || r.type === "uint16" ? 1 : 2;
      for (let a = r.address; a < r.address + width; a++) {
        const other = used.get(`${r.table}:${a}`);
        if (other !== undefined)
          throw ValidationError.field(
            `modbus.registers.${i}.address`,
            `overlaps register ${a} of row ${other + 1} (${r.table})`,
          );
        used.set(`${r.table}:${a}`, i);
      }
    });
    const stored: ModbusStoredConfig = { ...m };
    return { ...stored };
  }

  async create(actor: Actor, input: ConnectionInput): Promise<Connection> {
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const config = await this.validate(actor.orgId, input);
    const at = this.now();
    const secret = input.kind === "opcua" && input.opcua.username ? (input.opcua.password ?? null) : null;
    const row = await this.db.transaction(async (tx) => {
      const created = await new ConnectionRepository(tx).insert({
        orgId: actor.orgId,
        id: randomUUID(),
        name: input.name,
        deviceId: input.deviceId,
        kind: input.kind,
        enabled: input.enabled,
        config,
        secret,
        createdAt: at,
        updatedAt: at,
      });
      await this.audit(
        tx,
        actor,
        "ingest.connection.create",
        created.id,
        null,
        { ...config, name: input.name },
        at,
      );
      return created;
    });
    await this.restart(row);
    return this.toConnection(row);
  }

  async update(actor: Actor, id: string, input: ConnectionInput): Promise<Connection> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const before = await this.row(actor.orgId, id);
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const config = await this.validate(actor.orgId, input);
    let secret: string | null = null;
    if (input.kind === "opcua" && input.opcua.username) {
      const sameUser =
        before.kind === "opcua" &&
        (before.config as unknown as OpcuaStoredConfig).username === input.opcua.username;
      secret = input.opcua.password ?? (sameUser ? before.secret : null);
    }
    const at = this.now();
    const row = await this.db.transaction(async (tx) => {
      const updated = await new ConnectionRepository(tx).update(actor.orgId, id, {
        name: input.name,
        deviceId: input.deviceId,
        kind: input.kind,
        enabled: input.enabled,
        config,
        secret,
        updatedAt: at,
      });
      if (!updated) throw new NotFoundError("connection", id);
      await this.audit(
        tx,
        actor,
        "ingest.connection.update",
        id,
        before.config,
        { ...config, name: input.name },
        at,
      );
      return updated;
    });
    await this.restart(row);
    return this.toConnection(row);
  }

  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const before = await this.row(actor.orgId, id);
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    await this.db.transaction(async (tx) => {
      if (!(await new ConnectionRepository(tx).remove(actor.orgId, id)))
        throw new NotFoundError("connection", id);
      await this.audit(tx, actor, "ingest.connection.delete", id, before.config, null, this.now());
    });
    await this.manager.apply(actor.orgId, id, null);
    return { ok: true };
  }

  private async restart(row: ConnectionRow): Promise<void> {
    await this.manager.apply(
      row.orgId,
      row.id,
      row.enabled ? { orgId: row.orgId, id: row.id, kind: row.kind, deviceId: row.deviceId } : null,
    );
  }

  private audit(
    tx: Parameters<typeof writeAudit>[0],
    actor: Actor,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
    at: Date,
  ) {
    return writeAudit(
      tx,
      actor,
      { orgId: actor.orgId, action, entity: "ingest_connection", entityId: id, before, after },
      at,
    );
  }

  async browse(actor: Actor, id: string, nodeId: string | undefined): Promise<OpcuaBrowseResult> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const row = await this.row(actor.orgId, id);
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    if (row.kind !== "opcua")
      throw new ConflictError("only an OPC UA connection can be browsed", { reason: "NOT_OPCUA" });
    const config = row.config as unknown as OpcuaStoredConfig;
    if (
      config.securityMode === "None" &&
      !(await new IngestSettingsRepository(this.db).get(actor.orgId)).opcuaTestRig
    )
      throw new ForbiddenError(INSECURE_REFUSED);
    const trusted = new Set(
      (await new ConnectionRepository(this.db).trusted(actor.orgId)).map((c) => c.thumbprint),
    );
    return opcuaCall(async () => {
      const { browse } = await import("../ingest/opcua.client.ts");
      const pkiDir = orgPkiDir(this.dataDir, actor.orgId);
      return { nodes: await browse(opcuaEndpointOf(config, row.secret), { pkiDir, trusted }, nodeId) };
    });
  }

  async trust(actor: Actor): Promise<{ clientCertificate: string; trusted: TrustedCertificate[] }> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const rows = await new ConnectionRepository(this.db).trusted(actor.orgId);
    const { clientCertificatePem } = await import("../ingest/opcua.client.ts");
    const clientCertificate = await clientCertificatePem(orgPkiDir(this.dataDir, actor.orgId));
    return { clientCertificate, trusted: rows.map(toTrusted) };
  }

  async addTrust(actor: Actor, pem: string): Promise<TrustedCertificate> {
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const info = certificateInfo(pem);
    const at = this.now();
    const row = await this.db.transaction(async (tx) => {
      const created = await new ConnectionRepository(tx).addTrusted({
        orgId: actor.orgId,
        id: randomUUID(),
        ...info,
        createdAt: at,
      });
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "ingest.opcua.trust",
          entity: "opcua_certificate",
          entityId: created.id,
          before: null,
          after: { thumbprint: info.thumbprint, subject: info.subject },
        },
        at,
      );
      return created;
    });
    this.manager.retryOrg(actor.orgId);
    return toTrusted(row);
  }

  async removeTrust(actor: Actor, id: string): Promise<{ ok: true }> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const known = await new ConnectionRepository(this.db).trusted(actor.orgId);
    if (!known.some((c) => c.id === id)) throw new NotFoundError("certificate", id);
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const at = this.now();
    await this.db.transaction(async (tx) => {
      if (!(await new ConnectionRepository(tx).removeTrusted(actor.orgId, id)))
        throw new NotFoundError("certificate", id);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "ingest.opcua.distrust",
          entity: "opcua_certificate",
          entityId: id,
          before: null,
          after: null,
        },
        at,
      );
    });
    return { ok: true };
  }

  async serverCertificate(actor: Actor, endpointUrl: string) {
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const pem = await opcuaCall(async () =>
      (await import("../ingest/opcua.client.ts")).fetchServerCertificate(endpointUrl),
    );
    const info = certificateInfo(pem);
    const trusted = (await new ConnectionRepository(this.db).trusted(actor.orgId)).some(
      (c) => c.thumbprint === info.thumbprint,
    );
    return {
      pem: info.pem,
      thumbprint: info.thumbprint,
      subject: info.subject,
      validTo: info.validTo?.toISOString() ?? null,
      trusted,
    };
  }
}
