import { join } from "node:path";
import type { IngestSettingsBody, OpcuaBrowseBody, OpcuaBrowseResult } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { ConflictError, ForbiddenError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { IngestSettingsRepository } from "./ingest-settings.repository.ts";
import { browse, checkSecurity, OpcuaError } from "./opcua.client.ts";

/**
 * OPC UA browsing for the web and the firm's ingest settings. Browsing makes the server open a
 * connection to the given endpoint, so only a firm's owner/admin may do it (policy), only to
 * opc.tcp:// URLs (contract), and only with SignAndEncrypt to a server in the trust list unless
 * the firm turned its test-rig flag on.
 */
export class OpcuaService {
  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  async browse(actor: Actor, body: OpcuaBrowseBody): Promise<OpcuaBrowseResult> {
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const settings = await new IngestSettingsRepository(this.db).get(actor.orgId);
    const endpoint = { endpointUrl: body.endpointUrl, allowInsecure: body.securityMode === "None" };
    try {
      checkSecurity(endpoint, settings.opcuaTestRig);
      const nodes = await browse(endpoint, { pkiDir: join(this.dataDir, "pki", "opcua") }, body.nodeId);
      return { nodes };
    } catch (err) {
      if (!(err instanceof OpcuaError)) throw err;
      if (err.code === "OPCUA_INSECURE_REFUSED") throw new ForbiddenError(err.message);
      throw new ConflictError(err.message, { reason: err.code });
    }
  }

  async settings(actor: Actor): Promise<IngestSettingsBody> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    return new IngestSettingsRepository(this.db).get(actor.orgId);
  }

  async putSettings(actor: Actor, body: IngestSettingsBody): Promise<IngestSettingsBody> {
    policy.assert(actor, "telemetry.connections.manage", { kind: "org", orgId: actor.orgId });
    const at = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new IngestSettingsRepository(tx);
      const before = await repo.get(actor.orgId);
      await repo.put(actor.orgId, body.opcuaTestRig, at);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "ingest.settings.update",
          entity: "ingest_settings",
          entityId: actor.orgId,
          before,
          after: body,
        },
        at,
      );
    });
    return body;
  }
}
