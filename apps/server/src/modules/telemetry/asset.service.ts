import { randomUUID } from "node:crypto";
import type {
  AssetKind,
  AssetTree,
  Device,
  DeviceCredentialIssued,
  DeviceInput,
  DeviceUpdate,
  Line,
  LineInput,
  LineUpdate,
  Machine,
  MachineInput,
  MachineUpdate,
  Ok,
  Site,
  SiteInput,
  SiteUpdate,
  Tag,
  TagInput,
  TagUpdate,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { toDevice, toLine, toMachine, toSite, toTag } from "./asset.mapper.ts";
import { AssetRepository } from "./asset.repository.ts";
import { issueDeviceCredential } from "./device-credential.issuer.ts";
import { PointRepository } from "./point.repository.ts";
import type { TelemetryStorage } from "./telemetry.storage.ts";

const hasFields = (input: object) => Object.values(input).some((v) => v !== undefined);

/**
 * Records named by id are looked up in the actor's org BEFORE the role check, so another org's
 * id answers 404 whatever the caller's role.
 * My org's asset tree (site → line → machine → device → tag) and device credentials. Every
 * record is looked up in the actor's org only, so another org's id is "not found". Changes are
 * audited and clear the writer's tag cache.
 */
export class AssetService {
  constructor(
    private readonly db: Database,
    private readonly storage: TelemetryStorage,
    private readonly now: () => Date,
  ) {}

  private canWrite(actor: Actor): void {
    policy.assert(actor, "telemetry.assets.write", { kind: "org", orgId: actor.orgId });
  }

  async tree(actor: Actor): Promise<AssetTree> {
    policy.assert(actor, "telemetry.read", { kind: "org", orgId: actor.orgId });
    const t = await new AssetRepository(this.db).tree(actor.orgId);
    const usernames = new Map(t.credentials.map((c) => [c.deviceId, c.username]));
    return {
      sites: t.sites.map(toSite),
      lines: t.lines.map(toLine),
      machines: t.machines.map(toMachine),
      devices: t.devices.map((d) => toDevice(d, usernames.get(d.id) ?? null)),
      tags: t.tags.map(toTag),
    };
  }

  private async audited<T extends { id: string }>(
    actor: Actor,
    action: string,
    entity: AssetKind | "device_credential",
    work: (repo: AssetRepository, tx: DbOrTx) => Promise<{ before: unknown; after: T | null }>,
  ): Promise<T | null> {
    const now = this.now();
    const result = await this.db.transaction(async (tx) => {
      const { before, after } = await work(new AssetRepository(tx), tx);
      const id = after?.id ?? (before as { id?: string } | null)?.id ?? "";
      await writeAudit(tx, actor, { orgId: actor.orgId, action, entity, entityId: id, before, after }, now);
      return after;
    });
    this.storage.catalog.clear();
    return result;
  }

  private async required<T>(value: Promise<T | undefined>, kind: string, id: string): Promise<T> {
    const row = await value;
    if (!row) throw new NotFoundError(kind, id);
    return row;
  }

  async createSite(actor: Actor, input: SiteInput): Promise<Site> {
    this.canWrite(actor);
    const row = await this.audited(actor, "telemetry.site.create", "site", async (repo) => ({
      before: null,
      after: toSite(
        await repo.insertSite({
          orgId: actor.orgId,
          id: randomUUID(),
          name: input.name,
          location: input.location ?? "",
        }),
      ),
    }));
    return row as Site;
  }

  async createLine(actor: Actor, input: LineInput): Promise<Line> {
    this.canWrite(actor);
    const row = await this.audited(actor, "telemetry.line.create", "line", async (repo) => {
      await this.required(repo.site(actor.orgId, input.siteId), "site", input.siteId);
      return {
        before: null,
        after: toLine(await repo.insertLine({ orgId: actor.orgId, id: randomUUID(), ...input })),
      };
    });
    return row as Line;
  }

  async createMachine(actor: Actor, input: MachineInput): Promise<Machine> {
    this.canWrite(actor);
    const row = await this.audited(actor, "telemetry.machine.create", "machine", async (repo) => {
      await this.required(repo.line(actor.orgId, input.lineId), "line", input.lineId);
      return {
        before: null,
        after: toMachine(await repo.insertMachine({ orgId: actor.orgId, id: randomUUID(), ...input })),
      };
    });
    return row as Machine;
  }

  async createDevice(actor: Actor, input: DeviceInput): Promise<Device> {
    this.canWrite(actor);
    const row = await this.audited(actor, "telemetry.device.create", "device", async (repo) => {
      await this.required(repo.machine(actor.orgId, input.machineId), "machine", input.machineId);
      return {
        before: null,
        after: toDevice(await repo.insertDevice({ orgId: actor.orgId, id: randomUUID(), ...input }), null),
      };
    });
    return row as Device;
  }

  async createTag(actor: Actor, input: TagInput): Promise<Tag> {
    this.canWrite(actor);
    const row = await this.audited(actor, "telemetry.tag.create", "tag", async (repo) => {
      await this.required(repo.device(actor.orgId, input.deviceId), "device", input.deviceId);
      return {
        before: null,
        after: toTag(await repo.insertTag({ orgId: actor.orgId, id: randomUUID(), ...input })),
      };
    });
    return row as Tag;
  }

  async updateSite(actor: Actor, id: string, input: SiteUpdate): Promise<Site> {
    const row = await this.audited(actor, "telemetry.site.update", "site", async (repo) => {
      const before = toSite(await this.required(repo.site(actor.orgId, id), "site", id));
      this.canWrite(actor);
      const after = hasFields(input)
        ? await repo.updateSite(actor.orgId, id, input)
        : await repo.site(actor.orgId, id);
      return { before, after: after ? toSite(after) : null };
    });
    return row as Site;
  }

  async updateLine(actor: Actor, id: string, input: LineUpdate): Promise<Line> {
    const row = await this.audited(actor, "telemetry.line.update", "line", async (repo) => {
      const before = toLine(await this.required(repo.line(actor.orgId, id), "line", id));
      this.canWrite(actor);
      const after = hasFields(input)
        ? await repo.updateLine(actor.orgId, id, input)
        : await repo.line(actor.orgId, id);
      return { before, after: after ? toLine(after) : null };
    });
    return row as Line;
  }

  async updateMachine(actor: Actor, id: string, input: MachineUpdate): Promise<Machine> {
    const row = await this.audited(actor, "telemetry.machine.update", "machine", async (repo) => {
      const before = toMachine(await this.required(repo.machine(actor.orgId, id), "machine", id));
      this.canWrite(actor);
      const after = hasFields(input)
        ? await repo.updateMachine(actor.orgId, id, input)
        : await repo.machine(actor.orgId, id);
      return { before, after: after ? toMachine(after) : null };
    });
    return row as Machine;
  }

  async updateDevice(actor: Actor, id: string, input: DeviceUpdate): Promise<Device> {
    const row = await this.audited(actor, "telemetry.device.update", "device", async (repo) => {
      const before = toDevice(await this.required(repo.device(actor.orgId, id), "device", id), null);
      this.canWrite(actor);
      const after = hasFields(input)
        ? await repo.updateDevice(actor.orgId, id, input)
        : await repo.device(actor.orgId, id);
      const username = (await repo.credential(actor.orgId, id))?.username ?? null;
      return { before, after: after ? toDevice(after, username) : null };
    });
    return row as Device;
  }

  async updateTag(actor: Actor, id: string, input: TagUpdate): Promise<Tag> {
    const row = await this.audited(actor, "telemetry.tag.update", "tag", async (repo) => {
      const before = await this.required(repo.tag(actor.orgId, id), "tag", id);
      this.canWrite(actor);
      const low = input.low !== undefined ? input.low : before.low;
      const high = input.high !== undefined ? input.high : before.high;
      if (low !== null && high !== null && low > high) {
        throw ValidationError.field("low", "must not be above high");
      }
      const after = hasFields(input)
        ? await repo.updateTag(actor.orgId, id, input)
        : await repo.tag(actor.orgId, id);
      return { before: toTag(before), after: after ? toTag(after) : null };
    });
    return row as Tag;
  }

  /** Deletes a record with everything under it, including the points of its tags. */
  async remove(actor: Actor, kind: AssetKind, id: string): Promise<Ok> {
    await this.audited(actor, `telemetry.${kind}.delete`, kind, async (repo, tx) => {
      await this.required(repo.find(actor.orgId, kind, id), kind, id);
      this.canWrite(actor);
      const tagIds = await repo.tagIdsUnder(actor.orgId, kind, id);
      if (!(await repo.delete(actor.orgId, kind, id))) throw new NotFoundError(kind, id);
      await new PointRepository(tx).deleteForTags(actor.orgId, tagIds);
      return { before: { id, tags: tagIds.length }, after: null };
    });
    return { ok: true };
  }

  /** Issues the device's credential, or rotates it: the password is in this answer only. */
  async issueCredential(actor: Actor, deviceId: string): Promise<DeviceCredentialIssued> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const repo = new AssetRepository(tx);
      await this.required(repo.device(actor.orgId, deviceId), "device", deviceId);
      policy.assert(actor, "telemetry.credentials.manage", { kind: "org", orgId: actor.orgId });
      const before = await repo.credential(actor.orgId, deviceId);
      const issued = await issueDeviceCredential(tx, this.storage.authenticator, actor.orgId, deviceId, now);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: before && !before.revokedAt ? "telemetry.credential.rotate" : "telemetry.credential.issue",
          entity: "device_credential",
          entityId: deviceId,
          before: before
            ? { username: before.username, issuedAt: before.issuedAt, revokedAt: before.revokedAt }
            : null,
          after: { username: issued.username, issuedAt: now },
        },
        now,
      );
      return {
        deviceId,
        username: issued.username,
        password: issued.password,
        issuedAt: now.toISOString(),
      };
    });
  }

  async revokeCredential(actor: Actor, deviceId: string): Promise<Ok> {
    const now = this.now();
    await this.db.transaction(async (tx) => {
      const repo = new AssetRepository(tx);
      await this.required(repo.device(actor.orgId, deviceId), "device", deviceId);
      policy.assert(actor, "telemetry.credentials.manage", { kind: "org", orgId: actor.orgId });
      const revoked = await repo.revokeCredential(actor.orgId, deviceId, now);
      if (!revoked) throw new NotFoundError("device credential", deviceId);
      this.storage.authenticator.invalidate(revoked.username);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "telemetry.credential.revoke",
          entity: "device_credential",
          entityId: deviceId,
          before: { username: revoked.username },
          after: { username: revoked.username, revokedAt: now },
        },
        now,
      );
    });
    return { ok: true };
  }
}
