import { parseChainExport, verifyChain } from "@clusterbrain/engine/trace";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const GTIN = "09506000134352";
const udi = (serial: string, lot = "P-1") => `(01)${GTIN}(10)${lot}(21)${serial}`;

describeEachDatabase("trace ledger: signed lot events, export, recall, checkpoints", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let b: Session;
  let c: Session;
  let viewer: Session;
  let op: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, b, c, viewer, op] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
      login(app, EMAILS.aViewer),
      login(app, EMAILS.opAdmin),
    ]);
  });
  afterAll(() => app.close());

  const append = (s: Session, body: unknown) => call(app, s, "POST", "/api/v1/trace/events", body);
  /** The message of an error and every cause it wraps (Drizzle wraps the driver's error). */
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      let text = "";
      for (let c: unknown = e; c instanceof Error; c = c.cause) text += ` ${c.message}`;
      return text;
    }
    return "no error";
  };
  const exportOf = async (s: Session) => (await call(app, s, "GET", "/api/v1/trace/export")).json();

  it("a ferrite lot through production, devices and shipments: recall finds every device and hospital, and back", async () => {
    expect(
      (
        await append(a, {
          type: "material-lot",
          lot: "FE-1",
          material: "MnZn ferrite",
          quantity: 500,
          unit: "kg",
        })
      ).statusCode,
    ).toBe(200);
    const prod = await append(b, {
      type: "production-lot",
      lot: "P-1",
      product: "inductor",
      quantity: 1000,
      inputs: [{ orgId: IDS.a, lot: "FE-1" }],
    });
    expect(prod.json()).toMatchObject({ seq: 1, orgId: IDS.b, keyId: "k1", prevHash: "0".repeat(64) });
    for (const s of ["S1", "S2", "S3"])
      expect((await append(b, { type: "device", udi: udi(s) })).statusCode).toBe(200);
    // Raw form with a GS separator is the same device.
    const sh1 = await append(b, {
      type: "shipment",
      shipment: "SH-1",
      toOrgId: IDS.d,
      udis: [udi("S1"), `01${GTIN}10P-1\x1d21S2`],
    });
    expect(sh1.body).toMatch(/"seq":5/);
    expect(
      (await append(b, { type: "shipment", shipment: "SH-2", toOrgId: IDS.c, udis: [udi("S3")] })).statusCode,
    ).toBe(200);

    const forward = (await call(app, a, "GET", "/api/v1/trace/recall?lot=FE-1")).json();
    expect(forward.devices.map((d: { serial: string }) => d.serial)).toEqual(["S1", "S2", "S3"]);
    expect(forward.hospitals.map((h: { orgId: string }) => h.orgId)).toEqual([IDS.c, IDS.d]);
    expect(forward.lots).toEqual([expect.objectContaining({ orgId: IDS.b, lot: "P-1" })]);
    expect(forward.shipments.map((s: { shipment: string }) => s.shipment)).toEqual(["SH-1", "SH-2"]);

    const back = (
      await call(
        app,
        b,
        "GET",
        `/api/v1/trace/recall?direction=backward&udi=${encodeURIComponent(udi("S2"))}`,
      )
    ).json();
    expect(back.lots.map((l: { orgId: string; lot: string }) => `${l.orgId}/${l.lot}`)).toEqual([
      `${IDS.a}/FE-1`,
      `${IDS.b}/P-1`,
    ]);
    expect(back.hospitals).toEqual([]);

    // B names the lot without its org: the one FE-1 it consumed is A's.
    const byCode = (await call(app, b, "GET", "/api/v1/trace/recall?lot=FE-1")).json();
    expect(byCode.start).toBe(`lot|${IDS.a}|FE-1`);
    expect(byCode.hospitals).toHaveLength(2);
    // C's own events never mention A's ferrite lot: it cannot start a recall from it; the operator can.
    expect((await call(app, c, "GET", `/api/v1/trace/recall?lot=FE-1&orgId=${IDS.a}`)).statusCode).toBe(404);
    expect(
      (await call(app, op, "GET", `/api/v1/trace/recall?lot=FE-1&orgId=${IDS.a}`)).json().hospitals,
    ).toHaveLength(2);
    expect((await call(app, a, "GET", "/api/v1/trace/recall?lot=FE-1&udi=x")).statusCode).toBe(400);

    const timeline = (await call(app, b, "GET", "/api/v1/trace/events?lot=P-1")).json();
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual([
      "device",
      "device",
      "device",
      "production-lot",
    ]);
    expect(timeline.head).toBe(6);
  });

  it("the export verifies offline across a key rotation; tampering is named by seq", async () => {
    const keys = (await call(app, b, "POST", "/api/v1/trace/keys/rotate")).json();
    expect(keys.items.map((k: { keyId: string; current: boolean }) => [k.keyId, k.current])).toEqual([
      ["k1", false],
      ["k2", true],
    ]);
    expect(JSON.stringify(keys)).not.toMatch(/private/i);
    expect(
      (
        await append(b, {
          type: "material-lot",
          lot: "CU-9",
          material: "copper wire",
          quantity: 20,
          unit: "kg",
        })
      ).json().keyId,
    ).toBe("k2");
    const chain = await exportOf(b);
    expect(chain.events.length).toBeGreaterThanOrEqual(7);
    expect(verifyChain(parseChainExport(chain))).toMatchObject({ ok: true, problems: [] });
    const tampered = structuredClone(chain);
    tampered.events[2].payload.udi = udi("S9");
    tampered.events.splice(4, 1);
    expect(verifyChain(parseChainExport(tampered)).problems.map((p) => `${p.kind}:${p.seq}`)).toEqual([
      "altered:3",
      "missing:5",
    ]);
    // A viewer reads but cannot append or rotate; an admin-only rotation is refused to members.
    expect(
      (await append(viewer, { type: "material-lot", lot: "X", material: "m", quantity: 1, unit: "kg" }))
        .statusCode,
    ).toBe(403);
    expect((await call(app, viewer, "POST", "/api/v1/trace/keys/rotate")).statusCode).toBe(403);
  });

  it("a key sealed under another secret (demo data, a changed SESSION_SECRET) is retired by a rotation", async () => {
    const { TraceKeyVault } = await import("./trace.keys.ts");
    const { generateOrgKeyPair } = await import("@clusterbrain/engine/trace");
    const pair = generateOrgKeyPair();
    const { traceKeys } = await import("../../db/schema/index.ts");
    await getDb()
      .db.insert(traceKeys)
      .values({
        orgId: IDS.c,
        keyId: "k1",
        publicKey: pair.publicKey,
        privateKeyEnc: new TraceKeyVault("another secret").seal(pair.privateKey),
        validFrom: new Date("2020-01-01T00:00:00Z"),
      });
    const ev = await append(c, {
      type: "material-lot",
      lot: "C-1",
      material: "pcb",
      quantity: 1,
      unit: "pcs",
    });
    expect(ev.json().keyId).toBe("k2");
    expect(verifyChain(parseChainExport(await exportOf(c))).ok).toBe(true);
  });

  it("bad UDIs and unknown orgs are 400s naming the field", async () => {
    const bad = await append(b, { type: "device", udi: `(01)09506000134353(10)P-1(21)S5` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/BAD_CHECK_DIGIT/);
    expect(bad.json().error.details[0].path).toBe("udi");
    expect(
      (await append(b, { type: "device", udi: `(01)${GTIN}(17)251301(21)S6`, productionLot: "P-1" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await append(b, { type: "shipment", shipment: "SH-3", toOrgId: "org-nope", udis: [udi("S1")] }))
        .statusCode,
    ).toBe(400);
    expect((await append(b, { type: "device", udi: `(01)${GTIN}(21)S7` })).statusCode).toBe(400);
  });

  it("the database refuses UPDATE and DELETE of ledger rows", async () => {
    const { db } = getDb();
    expect(
      await failure(
        db.execute(sql`UPDATE trace_events SET payload = '{}' WHERE org_id = ${IDS.b} AND seq = 1`),
      ),
    ).toMatch(/append-only/);
    expect(
      await failure(db.execute(sql`DELETE FROM trace_events WHERE org_id = ${IDS.b} AND seq = 1`)),
    ).toMatch(/append-only/);
    expect(await failure(db.execute(sql`DELETE FROM trace_links WHERE org_id = ${IDS.b}`))).toMatch(
      /append-only/,
    );
  });

  it("concurrent appends of one org are serialised: no fork, no gap, the chain verifies", async () => {
    const before = (await call(app, a, "GET", "/api/v1/trace/events?limit=1")).json().head as number;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        append(a, { type: "material-lot", lot: `R-${i}`, material: "ferrite", quantity: 1, unit: "kg" }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(results.map((r) => r.json().seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => before + i + 1),
    );
    expect(verifyChain(parseChainExport(await exportOf(a))).ok).toBe(true);
  });

  it("a checkpoint countersigned by the operator anchors the head; only the operator countersigns, once", async () => {
    const cp = (await call(app, b, "POST", "/api/v1/trace/checkpoints")).json();
    expect(cp.countersignature).toBeUndefined();
    expect((await call(app, a, "POST", `/api/v1/trace/checkpoints/${cp.id}/countersign`)).statusCode).toBe(
      404,
    );
    expect((await call(app, b, "POST", `/api/v1/trace/checkpoints/${cp.id}/countersign`)).statusCode).toBe(
      404,
    );
    const pending = (await call(app, op, "GET", "/api/v1/trace/checkpoints")).json().items;
    expect(pending.map((x: { id: string }) => x.id)).toContain(cp.id);
    const signed = await call(app, op, "POST", `/api/v1/trace/checkpoints/${cp.id}/countersign`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json().countersignature.orgId).toBe(IDS.operator);
    expect((await call(app, op, "POST", `/api/v1/trace/checkpoints/${cp.id}/countersign`)).statusCode).toBe(
      409,
    );
    expect((await call(app, viewer, "POST", "/api/v1/trace/checkpoints")).statusCode).toBe(403);

    const chain = await exportOf(b);
    expect(chain.checkpoints).toHaveLength(1);
    expect(chain.publicKeys.map((k: { orgId: string }) => k.orgId)).toContain(IDS.operator);
    expect(verifyChain(parseChainExport(chain)).ok).toBe(true);
    // A history rewritten under the firm's own key still disagrees with the anchored head.
    const forged = structuredClone(chain);
    forged.checkpoints[0].hash = "f".repeat(64);
    expect(verifyChain(parseChainExport(forged)).problems.map((p) => p.kind)).toContain("bad-checkpoint");
  });
});
