import { randomUUID } from "node:crypto";
import type {
  TraceChainExport,
  TraceCheckpoint,
  TraceEvent,
  TraceEventCreateParsed,
  TraceEventList,
  TraceKey,
  TraceRecall,
  TraceRecallQuery,
} from "@clusterbrain/contracts";
import {
  appendEvent,
  type Checkpoint,
  checkpointDigest,
  countersignCheckpoint,
  type Json,
  KeyRing,
  parseUdi,
  signCheckpoint,
  verifyDigest,
} from "@clusterbrain/engine/trace";
import type { Actor } from "../../auth/actor.ts";
import { CLUSTER, policy } from "../../auth/policy.ts";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { addKey, keyAt, signerAt, TraceKeyVault } from "./trace.keys.ts";
import { node, parseNode, udiField } from "./trace.nodes.ts";
import {
  type TraceCheckpointRow,
  type TraceEventRow,
  type TraceLinkValues,
  TraceRepository,
} from "./trace.repository.ts";

function toEvent(r: TraceEventRow): TraceEvent {
  return { ...r, type: r.type as TraceEvent["type"] };
}

function toCheckpoint(r: TraceCheckpointRow): TraceCheckpoint {
  const cp: TraceCheckpoint = {
    id: r.id,
    orgId: r.orgId,
    seq: r.seq,
    hash: r.hash,
    at: r.at,
    keyId: r.keyId,
    signature: r.signature,
  };
  if (r.csOrgId && r.csKeyId && r.csAt && r.csSignature)
    cp.countersignature = { orgId: r.csOrgId, keyId: r.csKeyId, at: r.csAt, signature: r.csSignature };
  return cp;
}

function withoutId({ id: _id, ...rest }: TraceCheckpoint): Checkpoint {
  return rest;
}

/**
 * The traceability ledger: each org appends signed lot events to its own chain (serialised by a
 * lock on its head row), exports it for offline verification, anchors its head with checkpoints the
 * operator countersigns, and runs recalls over the lot graph the events state.
 */
export class TraceService {
  private readonly vault: TraceKeyVault;
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    secret: string,
  ) {
    this.vault = new TraceKeyVault(secret);
  }

  /** What the event states as links of the lot graph, and the payload that is signed. */
  private async describe(
    tx: DbOrTx,
    orgId: string,
    body: TraceEventCreateParsed,
  ): Promise<{ payload: Json; links: TraceLinkValues[] }> {
    const repo = new TraceRepository(tx);
    const refOrg = async (o: string | undefined, field: string) => {
      if (o !== undefined && o !== orgId && !(await repo.orgExists(o)))
        throw ValidationError.field(field, `unknown organisation ${o}`);
      return o ?? orgId;
    };
    const links: TraceLinkValues[] = [];
    switch (body.type) {
      case "material-lot":
      case "production-lot": {
        // A self-link records that this org made the lot (a recall may start from it); UNION in
        // the recursive walk drops it again.
        const made = node.lot(orgId, body.lot);
        links.push({ fromNode: made, toNode: made });
        const inputs = [];
        for (const [i, ref] of (body.inputs ?? []).entries()) {
          const o = await refOrg(ref.orgId, `inputs[${i}].orgId`);
          inputs.push({ orgId: o, lot: ref.lot });
          links.push({ fromNode: node.lot(o, ref.lot), toNode: made });
        }
        return { payload: { ...body, inputs } as Json, links };
      }
      case "device": {
        const udi = udiField(body.udi, "udi");
        const lot = body.productionLot ?? udi.lot;
        if (lot === undefined)
          throw ValidationError.field("productionLot", "the UDI has no (10) lot: name the production lot");
        links.push({ fromNode: node.lot(orgId, lot), toNode: node.udi(udi) });
        return { payload: { ...body, productionLot: lot, parsed: { ...udi } } as Json, links };
      }
      case "shipment": {
        if (!(await repo.orgExists(body.toOrgId)))
          throw ValidationError.field("toOrgId", `unknown organisation ${body.toOrgId}`);
        if (body.lots.length + body.udis.length === 0)
          throw ValidationError.field("lots", "a shipment carries at least one lot or device");
        const ship = node.ship(orgId, body.shipment);
        const lots = [];
        for (const [i, ref] of body.lots.entries()) {
          const o = await refOrg(ref.orgId, `lots[${i}].orgId`);
          lots.push({ orgId: o, lot: ref.lot });
          links.push({ fromNode: node.lot(o, ref.lot), toNode: ship });
        }
        body.udis.forEach((u, i) => {
          links.push({ fromNode: node.udi(udiField(u, `udis[${i}]`)), toNode: ship });
        });
        links.push({ fromNode: ship, toNode: node.org(body.toOrgId) });
        return { payload: { ...body, lots } as Json, links };
      }
    }
  }

  async append(actor: Actor, input: TraceEventCreateParsed): Promise<TraceEvent> {
    policy.assert(actor, "trace.write", { kind: "org", orgId: actor.orgId });
    return this.db.transaction(async (tx) => {
      const { payload, links } = await this.describe(tx, actor.orgId, input);
      const repo = new TraceRepository(tx);
      const head = await repo.lockHead(actor.orgId);
      const at = this.now();
      const signer = await signerAt(tx, this.vault, actor.orgId, at);
      const event = appendEvent(
        head.seq === 0 ? null : head,
        { type: input.type, at: at.toISOString(), payload },
        signer,
      );
      const row = { ...event, payload: event.payload as Record<string, unknown> };
      await repo.append(row, links);
      return toEvent(row);
    });
  }

  async events(
    actor: Actor,
    q: { lot?: string; lotOrgId?: string; udi?: string; limit: number },
  ): Promise<TraceEventList> {
    policy.assert(actor, "trace.read", { kind: "org", orgId: actor.orgId });
    const repo = new TraceRepository(this.db);
    const about =
      q.udi !== undefined
        ? node.udi(udiField(q.udi, "udi"))
        : q.lot !== undefined
          ? node.lot(q.lotOrgId ?? actor.orgId, q.lot)
          : undefined;
    const [rows, head] = await Promise.all([
      repo.events(actor.orgId, q.limit, about),
      repo.head(actor.orgId),
    ]);
    return { items: rows.map(toEvent), head: head?.seq ?? 0 };
  }

  async keys(actor: Actor): Promise<{ items: TraceKey[] }> {
    policy.assert(actor, "trace.read", { kind: "org", orgId: actor.orgId });
    const rows = await new TraceRepository(this.db).keys([actor.orgId]);
    const current = keyAt(rows, this.now());
    return {
      items: rows.map((k) => ({
        keyId: k.keyId,
        publicKey: k.publicKey,
        validFrom: k.validFrom.toISOString(),
        current: k.keyId === current?.keyId,
      })),
    };
  }

  async rotateKey(actor: Actor): Promise<{ items: TraceKey[] }> {
    policy.assert(actor, "trace.keys.manage", { kind: "org", orgId: actor.orgId });
    await this.db.transaction(async (tx) => {
      await new TraceRepository(tx).lockHead(actor.orgId);
      const now = this.now();
      const key = await addKey(tx, this.vault, actor.orgId, now);
      await writeAudit(
        tx,
        actor,
        {
          orgId: actor.orgId,
          action: "trace.keys.rotate",
          entity: "traceKey",
          entityId: key.keyId,
          after: { keyId: key.keyId, validFrom: key.validFrom.toISOString() },
        },
        now,
      );
    });
    return this.keys(actor);
  }

  async export(actor: Actor): Promise<TraceChainExport> {
    policy.assert(actor, "trace.read", { kind: "org", orgId: actor.orgId });
    return this.db.transaction(async (tx) => {
      const repo = new TraceRepository(tx);
      const head = await repo.lockHead(actor.orgId);
      const events = await repo.chain(actor.orgId);
      const checkpoints = (await repo.checkpoints(actor.orgId, true)).map(toCheckpoint);
      const signers = [
        ...new Set(checkpoints.flatMap((c) => (c.countersignature ? [c.countersignature.orgId] : []))),
      ];
      const keys = await repo.keys([actor.orgId, ...signers.filter((o) => o !== actor.orgId)]);
      const now = this.now();
      const signed = signCheckpoint(
        head,
        now.toISOString(),
        await signerAt(tx, this.vault, actor.orgId, now),
      );
      const fresh = await repo.keys([actor.orgId]);
      const publicKeys = [...keys.filter((k) => k.orgId !== actor.orgId), ...fresh].map((k) => ({
        orgId: k.orgId,
        keyId: k.keyId,
        publicKey: k.publicKey,
        validFrom: k.validFrom.toISOString(),
      }));
      return {
        format: "clusterbrain-trace-chain" as const,
        version: 1 as const,
        orgId: actor.orgId,
        events: events.map(toEvent),
        publicKeys,
        head: signed,
        checkpoints: checkpoints.map(withoutId),
      };
    });
  }

  async recall(actor: Actor, q: TraceRecallQuery): Promise<TraceRecall> {
    policy.assert(actor, "trace.read", { kind: "org", orgId: actor.orgId });
    if ((q.lot === undefined) === (q.udi === undefined))
      throw ValidationError.field("lot", "give either lot or udi");
    const repo = new TraceRepository(this.db);
    let start =
      q.udi !== undefined ? node.udi(udiField(q.udi, "udi")) : node.lot(q.orgId ?? actor.orgId, q.lot ?? "");
    // A lot code without its org: my own lot, else the one supplier lot of that code I consumed.
    if (q.lot !== undefined && q.orgId === undefined && !(await repo.mentions(actor.orgId, start))) {
      const named = await repo.lotNodesNamed(actor.orgId, q.lot);
      if (named.length === 1) start = named[0];
    }
    const visible = policy.isOperator(actor)
      ? await repo.exists(start)
      : await repo.mentions(actor.orgId, start);
    if (!visible) throw new NotFoundError(q.udi !== undefined ? "device" : "lot", q.udi ?? q.lot);
    const started = performance.now();
    const nodes = (await repo.reachable(start, q.direction)).filter((n) => n !== start).map(parseNode);
    const orgIds = new Set<string>();
    for (const n of nodes) if (n !== undefined && n.kind !== "udi") orgIds.add(n.orgId);
    const producers = await repo.chainOrgs([...orgIds]);
    const names = new Map((await repo.orgNames([...orgIds])).map((o) => [o.id, o]));
    const named = (orgId: string) => ({
      orgId,
      nameZh: names.get(orgId)?.nameZh ?? orgId,
      nameEn: names.get(orgId)?.nameEn ?? orgId,
    });
    const out: TraceRecall = {
      start,
      direction: q.direction,
      lots: [],
      devices: [],
      shipments: [],
      hospitals: [],
      ms: 0,
    };
    for (const n of nodes) {
      if (n === undefined) continue;
      if (n.kind === "lot") out.lots.push({ ...named(n.orgId), lot: n.code });
      else if (n.kind === "ship") out.shipments.push({ ...named(n.orgId), shipment: n.code });
      else if (n.kind === "org" && !producers.has(n.orgId)) out.hospitals.push(named(n.orgId));
      else if (n.kind === "udi") {
        const u = parseUdi(n.hri);
        out.devices.push({ udi: n.hri, gtin: u.gtin, serial: u.serial ?? null, lot: u.lot ?? null });
      }
    }
    out.lots.sort((a, b) => a.orgId.localeCompare(b.orgId) || a.lot.localeCompare(b.lot));
    out.devices.sort((a, b) => a.udi.localeCompare(b.udi));
    out.shipments.sort((a, b) => a.orgId.localeCompare(b.orgId) || a.shipment.localeCompare(b.shipment));
    out.hospitals.sort((a, b) => a.orgId.localeCompare(b.orgId));
    out.ms = Math.round((performance.now() - started) * 10) / 10;
    return out;
  }

  async checkpoints(actor: Actor): Promise<{ items: TraceCheckpoint[] }> {
    policy.assert(actor, "trace.read", { kind: "org", orgId: actor.orgId });
    const all = policy.can(actor, "trace.countersign", CLUSTER);
    const rows = await new TraceRepository(this.db).checkpoints(all ? null : actor.orgId);
    return { items: rows.map(toCheckpoint) };
  }

  async checkpoint(actor: Actor): Promise<TraceCheckpoint> {
    policy.assert(actor, "trace.write", { kind: "org", orgId: actor.orgId });
    return this.db.transaction(async (tx) => {
      const repo = new TraceRepository(tx);
      const head = await repo.lockHead(actor.orgId);
      if (head.seq === 0) throw new ConflictError("the chain is empty: nothing to checkpoint yet");
      const now = this.now();
      const cp = signCheckpoint(head, now.toISOString(), await signerAt(tx, this.vault, actor.orgId, now));
      const row: TraceCheckpointRow = {
        ...cp,
        id: randomUUID(),
        csOrgId: null,
        csKeyId: null,
        csAt: null,
        csSignature: null,
      };
      await repo.insertCheckpoint(row);
      return toCheckpoint(row);
    });
  }

  async countersign(actor: Actor, id: string): Promise<TraceCheckpoint> {
    const denied = policy.check(actor, "trace.countersign", CLUSTER);
    if (denied) throw new NotFoundError("checkpoint", id);
    return this.db.transaction(async (tx) => {
      const repo = new TraceRepository(tx);
      const row = await repo.checkpointById(id, true);
      if (row === undefined) throw new NotFoundError("checkpoint", id);
      if (row.csSignature !== null) throw new ConflictError("this checkpoint is already countersigned");
      const cp = withoutId(toCheckpoint(row));
      const ring = new KeyRing(
        (await repo.keys([row.orgId])).map((k) => ({ ...k, validFrom: k.validFrom.toISOString() })),
      );
      const key = ring.lookup(row.orgId, row.keyId, row.at);
      if (typeof key === "string" || !verifyDigest(checkpointDigest(cp), cp.signature, key))
        throw new ConflictError("the checkpoint's signature does not verify: it cannot be countersigned");
      await repo.lockHead(actor.orgId);
      const now = this.now();
      const signed = countersignCheckpoint(
        cp,
        now.toISOString(),
        await signerAt(tx, this.vault, actor.orgId, now),
      );
      const cs = signed.countersignature;
      if (cs === undefined) throw new Error("countersignCheckpoint returned no countersignature");
      await repo.countersign(row, {
        csOrgId: cs.orgId,
        csKeyId: cs.keyId,
        csAt: cs.at,
        csSignature: cs.signature,
      });
      return toCheckpoint({
        ...row,
        csOrgId: cs.orgId,
        csKeyId: cs.keyId,
        csAt: cs.at,
        csSignature: cs.signature,
      });
    });
  }
}
