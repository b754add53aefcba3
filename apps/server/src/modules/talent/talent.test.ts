import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("talent sharing: pool by consent, secondments, skill competitions", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aMember: Session;
  let b: Session;
  let c: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, aMember, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aMember),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
  });
  afterAll(() => app.close());

  const addPerson = async (s: Session, name: string, consent: boolean, skills = ["welding"]) => {
    const res = await call(app, s, "POST", "/api/v1/talent/people", {
      name,
      skills,
      certificates: ["高级焊工"],
      consent,
    });
    expect(res.statusCode).toBe(200);
    return res.json().id as string;
  };
  const poolNames = async (s: Session, skill?: string) =>
    (await call(app, s, "GET", `/api/v1/talent/people${skill ? `?skill=${encodeURIComponent(skill)}` : ""}`))
      .json()
      .items.map((p: { name: string }) => p.name);

  it("a non-consenting person is absent from another org's pool, present in their own; withdrawal hides at once", async () => {
    await addPerson(b, "乙-同意者", true, ["welding", "SMT"]);
    const hiddenId = await addPerson(b, "乙-未同意者", false);
    expect(await poolNames(a)).toContain("乙-同意者");
    expect(await poolNames(a)).not.toContain("乙-未同意者");
    expect(await poolNames(b)).toEqual(expect.arrayContaining(["乙-同意者", "乙-未同意者"]));
    expect(await poolNames(a, "smt")).toEqual(["乙-同意者"]);
    expect(await poolNames(a, "nothing")).toEqual([]);
    // Another org cannot see or change the hidden person (404), nor ask for their secondment.
    expect(
      (await call(app, a, "PATCH", `/api/v1/talent/people/${hiddenId}`, { consent: true })).statusCode,
    ).toBe(404);
    const ask = await call(app, a, "POST", "/api/v1/talent/secondments", {
      personId: hiddenId,
      role: "x",
      startsOn: "2027-01-01",
      endsOn: "2027-02-01",
    });
    expect(ask.statusCode).toBe(404);
    const listed = (await call(app, b, "GET", "/api/v1/talent/people")).json().items;
    const consenting = listed.find((p: { name: string }) => p.name === "乙-同意者");
    const withdrawn = await call(app, b, "PATCH", `/api/v1/talent/people/${consenting.id}`, {
      consent: false,
    });
    expect(withdrawn.json().consent).toBe(false);
    expect(await poolNames(a)).not.toContain("乙-同意者");
  });

  it("A asks B for a secondment with terms; the requester cannot approve; B approves; bad input is a 400", async () => {
    const personId = await addPerson(b, "乙-技师", true);
    const bad = await call(app, aMember, "POST", "/api/v1/talent/secondments", {
      personId,
      role: "工艺顾问",
      startsOn: "2027-03-01",
      endsOn: "2027-02-01",
    });
    expect(bad.statusCode).toBe(400);
    const asked = await call(app, aMember, "POST", "/api/v1/talent/secondments", {
      personId,
      role: "工艺顾问",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
      note: "产线爬坡",
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({
      status: "pending",
      hostOrgId: IDS.b,
      requesterOrgId: IDS.a,
      personName: "乙-技师",
      role: "工艺顾问",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    });
    const id = asked.json().id as string;
    expect(
      (await call(app, b, "GET", "/api/v1/talent/secondments"))
        .json()
        .incoming.map((s: { id: string }) => s.id),
    ).toContain(id);
    expect((await call(app, a, "POST", `/api/v1/talent/secondments/${id}/approve`, {})).statusCode).toBe(403);
    expect((await call(app, c, "POST", `/api/v1/talent/secondments/${id}/approve`, {})).statusCode).toBe(404);
    const approved = await call(app, b, "POST", `/api/v1/talent/secondments/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("approved");
    expect((await call(app, b, "POST", `/api/v1/talent/secondments/${id}/decline`, {})).statusCode).toBe(409);
    const outgoing = (await call(app, a, "GET", "/api/v1/talent/secondments")).json().outgoing;
    expect(outgoing.find((s: { id: string }) => s.id === id).status).toBe("approved");
    const log = (await call(app, b, "GET", "/api/v1/audit?action=secondment.approve")).json().items;
    expect(log.map((e: { entityId: string }) => e.entityId)).toContain(id);
  });

  it("a competition: orgs register their own people, the organiser scores, results ranked (ties share a rank)", async () => {
    const created = await call(app, c, "POST", "/api/v1/talent/competitions", {
      title: "2027 集群焊接技能比武",
      skill: "welding",
      heldOn: "2027-05-01",
    });
    expect(created.statusCode).toBe(200);
    const compId = created.json().id as string;
    const people = {
      a1: await addPerson(a, "甲-一", false),
      a2: await addPerson(a, "甲-二", false),
      b1: await addPerson(b, "乙-一", true),
    };
    // Nobody registers another org's person.
    const foreign = await call(app, a, "POST", `/api/v1/talent/competitions/${compId}/entries`, {
      personId: people.b1,
    });
    expect(foreign.statusCode).toBe(400);
    for (const [s, personId] of [
      [a, people.a1],
      [a, people.a2],
      [b, people.b1],
    ] as const) {
      const r = await call(app, s, "POST", `/api/v1/talent/competitions/${compId}/entries`, { personId });
      expect(r.statusCode).toBe(200);
    }
    const again = await call(app, a, "POST", `/api/v1/talent/competitions/${compId}/entries`, {
      personId: people.a1,
    });
    expect(again.statusCode).toBe(409);
    const entries = (await call(app, c, "GET", "/api/v1/talent/competitions"))
      .json()
      .items.find((x: { id: string }) => x.id === compId).entries as { id: string; personName: string }[];
    const entryOf = (name: string) => entries.find((e) => e.personName === name)?.id;
    // Only the organiser scores.
    expect(
      (
        await call(app, a, "POST", `/api/v1/talent/competitions/${compId}/scores`, {
          entryId: entryOf("甲-一"),
          score: 100,
        })
      ).statusCode,
    ).toBe(403);
    for (const [name, score] of [
      ["甲-一", 88],
      ["甲-二", 95.5],
      ["乙-一", 88],
    ] as const) {
      const r = await call(app, c, "POST", `/api/v1/talent/competitions/${compId}/scores`, {
        entryId: entryOf(name),
        score,
      });
      expect(r.statusCode).toBe(200);
    }
    const result = (await call(app, a, "GET", "/api/v1/talent/competitions"))
      .json()
      .items.find((x: { id: string }) => x.id === compId);
    expect(result.mine).toBe(false);
    expect(result.entries.map((e: { personName: string; rank: number }) => [e.personName, e.rank])).toEqual([
      ["甲-二", 1],
      ["甲-一", 2],
      ["乙-一", 2],
    ]);
    const negative = await call(app, c, "POST", `/api/v1/talent/competitions/${compId}/scores`, {
      entryId: entryOf("甲-一"),
      score: -1,
    });
    expect(negative.statusCode).toBe(400);
  });

  it("refuses what a role or the data does not allow: viewer 403, own person 400, unknown competition 404", async () => {
    const viewer = await login(app, EMAILS.aViewer);
    expect((await call(app, viewer, "POST", "/api/v1/talent/people", { name: "x" })).statusCode).toBe(403);
    const own = await addPerson(a, "甲-自己", true);
    const self = await call(app, a, "POST", "/api/v1/talent/secondments", {
      personId: own,
      role: "x",
      startsOn: "2027-01-01",
      endsOn: "2027-01-02",
    });
    expect(self.statusCode).toBe(400);
    const missing = await call(app, a, "POST", "/api/v1/talent/competitions/nope/entries", { personId: own });
    expect(missing.statusCode).toBe(404);
    expect((await call(app, a, "POST", "/api/v1/talent/people", { name: "" })).statusCode).toBe(400);
  });
});
