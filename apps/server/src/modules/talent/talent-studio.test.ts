import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

describeEachDatabase("talent: skill-master studios and project staffing from the pool", (getDb) => {
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

  const person = async (s: Session, name: string, consent: boolean) => {
    const res = await call(app, s, "POST", "/api/v1/talent/people", { name, skills: ["绕线"], consent });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const studio = async (s: Session, masterId: string, name: string) => {
    const res = await call(app, s, "POST", "/api/v1/talent/studios", { name, skill: "绕线", masterId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const hoursOf = async (s: Session) =>
    (await call(app, s, "GET", "/api/v1/talent/studios"))
      .json()
      .bySkill.find((x: { skill: string }) => x.skill === "绕线").hours;

  it("a studio records apprentices and trainings; non-consenting masters and apprentices stay hidden", async () => {
    const master = await person(a, "甲-大师", true);
    const id = await studio(a, master, "甲绕线大师工作室");
    const bListed = await person(b, "乙-学徒", true);
    const bHidden = await person(b, "乙-隐藏", false);
    // B's non-consenting person cannot be taken on by A (A cannot see them).
    expect(
      (await call(app, a, "POST", `/api/v1/talent/studios/${id}/apprentices`, { personId: bHidden }))
        .statusCode,
    ).toBe(404);
    const added = await call(app, a, "POST", `/api/v1/talent/studios/${id}/apprentices`, {
      personId: bListed,
    });
    expect(added.statusCode, added.body).toBe(200);
    const again = await call(app, a, "POST", `/api/v1/talent/studios/${id}/apprentices`, {
      personId: bListed,
    });
    expect(again.statusCode).toBe(409);
    const trained = await call(app, aMember, "POST", `/api/v1/talent/studios/${id}/trainings`, {
      heldOn: "2026-11-20",
      topic: "高频电感精密绕线",
      hours: 3.5,
    });
    expect(trained.statusCode, trained.body).toBe(200);
    expect(trained.json().trainingList).toEqual([
      expect.objectContaining({ heldOn: "2026-11-20", topic: "高频电感精密绕线", hours: 3.5 }),
    ]);
    expect(trained.json()).toMatchObject({ apprentices: 1, trainings: 1, hours: 3.5, mine: true });
    // C sees the studio (its master consents) but may not add to it.
    const seen = await call(app, c, "GET", `/api/v1/talent/studios/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().apprenticeList.map((p: { name: string }) => p.name)).toEqual(["乙-学徒"]);
    expect(
      (
        await call(app, c, "POST", `/api/v1/talent/studios/${id}/trainings`, {
          heldOn: "2026-11-21",
          topic: "x",
          hours: 1,
        })
      ).statusCode,
    ).toBe(403);
    // B withdraws its apprentice's consent: C no longer sees them, A (the studio) neither, B does.
    const listed = (await call(app, b, "PATCH", `/api/v1/talent/people/${bListed}`, { consent: false }))
      .statusCode;
    expect(listed).toBe(200);
    expect((await call(app, c, "GET", `/api/v1/talent/studios/${id}`)).json().apprenticeList).toEqual([]);
    expect((await call(app, b, "GET", `/api/v1/talent/studios/${id}`)).json().apprenticeList).toHaveLength(1);
    // A studio whose master does not consent is absent for other orgs (list and detail).
    const hiddenMaster = await person(a, "甲-不公开大师", false);
    const hiddenStudio = await studio(a, hiddenMaster, "甲内部工作室");
    const cList = (await call(app, c, "GET", "/api/v1/talent/studios"))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(cList).toContain(id);
    expect(cList).not.toContain(hiddenStudio);
    expect((await call(app, c, "GET", `/api/v1/talent/studios/${hiddenStudio}`)).statusCode).toBe(404);
    // A studio's master must be a person of the org opening it.
    const foreign = await call(app, c, "POST", "/api/v1/talent/studios", {
      name: "x",
      skill: "x",
      masterId: master,
    });
    expect(foreign.statusCode).toBe(400);
  });

  it("training hours per skill are withheld below 3 orgs and shown from 3", async () => {
    const bMaster = await person(b, "乙-大师", true);
    const bStudio = await studio(b, bMaster, "乙绕线工作室");
    await call(app, b, "POST", `/api/v1/talent/studios/${bStudio}/trainings`, {
      heldOn: "2026-11-01",
      topic: "t",
      hours: 2,
    });
    // Orgs A and B: 2 contributors.
    expect(await hoursOf(c)).toEqual({ value: null, firms: null, suppressed: true });
    const cMaster = await person(c, "丙-大师", true);
    const cStudio = await studio(c, cMaster, "丙绕线工作室");
    await call(app, c, "POST", `/api/v1/talent/studios/${cStudio}/trainings`, {
      heldOn: "2026-11-02",
      topic: "t",
      hours: 1,
    });
    expect(await hoursOf(c)).toEqual({ value: 6.5, firms: 3, suppressed: false });
  });

  it("staffing: a joint project member asks for a listed person, the person's org approves; others are refused", async () => {
    const bPerson = await person(b, "乙-工程师", true);
    const bHidden = await person(b, "乙-保密工程师", false);
    const project = await call(app, a, "POST", "/api/v1/innovation/projects", {
      title: "高端电感联合攻关",
      members: [{ orgId: IDS.c, role: "industry" }],
    });
    expect(project.statusCode, project.body).toBe(200);
    const projectId = project.json().id;
    const body = {
      personId: bPerson,
      projectId,
      role: "工艺工程师",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    };
    expect(
      (await call(app, a, "POST", "/api/v1/talent/staffing", { ...body, personId: bHidden })).statusCode,
    ).toBe(404);
    // B is no member of the project: it cannot staff it.
    const cPerson = await person(c, "丙-工程师", true);
    expect(
      (await call(app, b, "POST", "/api/v1/talent/staffing", { ...body, personId: cPerson })).statusCode,
    ).toBe(404);
    const asked = await call(app, c, "POST", "/api/v1/talent/staffing", body);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      projectTitle: "高端电感联合攻关",
      status: "pending",
      hostOrgId: IDS.b,
    });
    const id = asked.json().id;
    expect((await call(app, c, "POST", `/api/v1/talent/staffing/${id}/approve`, {})).statusCode).toBe(403);
    expect((await call(app, a, "POST", `/api/v1/talent/staffing/${id}/approve`, {})).statusCode).toBe(404);
    const approved = await call(app, b, "POST", `/api/v1/talent/staffing/${id}/approve`, { note: "同意" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("approved");
    expect((await call(app, b, "POST", `/api/v1/talent/staffing/${id}/decline`, {})).statusCode).toBe(409);
    expect((await call(app, c, "GET", "/api/v1/talent/staffing")).json().outgoing[0].status).toBe("approved");
    expect(
      (await call(app, b, "GET", "/api/v1/talent/staffing")).json().incoming.map((s: { id: string }) => s.id),
    ).toContain(id);
    expect((await call(app, a, "GET", "/api/v1/talent/staffing")).json()).toEqual({
      incoming: [],
      outgoing: [],
    });
    const own = await call(app, c, "POST", "/api/v1/talent/staffing", { ...body, personId: cPerson });
    expect(own.statusCode).toBe(400);
    const titled = await call(app, a, "POST", "/api/v1/talent/staffing", {
      personId: bPerson,
      projectTitle: "产线改造",
      role: "x",
      startsOn: "2027-01-01",
      endsOn: "2027-01-31",
    });
    expect(titled.statusCode, titled.body).toBe(200);
  });
});
