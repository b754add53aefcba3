import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, EMAILS, IDS, login, type Session, seedCluster, testApp } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";

const API = "/api/v1/innovation";

describeEachDatabase("innovation hub: demands ↔ capabilities, contact, joint projects", (getDb) => {
  let app: FastifyInstance;
  let a: Session;
  let aViewer: Session;
  let b: Session;
  let c: Session;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await testApp(getDb().db);
    [a, aViewer, b, c] = await Promise.all([
      login(app, EMAILS.aOwner),
      login(app, EMAILS.aViewer),
      login(app, EMAILS.bOwner),
      login(app, EMAILS.cOwner),
    ]);
  });
  afterAll(() => app.close());

  const post = (s: Session, body: Record<string, unknown>) => call(app, s, "POST", `${API}/listings`, body);
  const kinds = async (s: Session) =>
    (await call(app, s, "GET", "/api/v1/notifications")).json().items.map((n: { kind: string }) => n.kind);

  let demandId = "";
  let capabilityId = "";
  let contactId = "";
  let projectId = "";

  it("a firm posts a Chinese demand, another org an English capability; both are searchable in either language", async () => {
    const demand = await post(a, {
      kind: "demand",
      title: "高端一体成型电感磁芯低损耗研发",
      description: "寻求高校合作，降低高频功率电感的磁芯损耗与温升",
      keywords: ["电感", "磁芯"],
      industryCodes: ["C3981"],
      certifications: ["CNAS"],
    });
    expect(demand.statusCode).toBe(200);
    expect(demand.json()).toMatchObject({ kind: "demand", status: "open", mine: true, orgId: IDS.a });
    demandId = demand.json().id;
    const cap = await post(b, {
      kind: "capability",
      title: "Low-loss MnZn ferrite cores for high-frequency power inductors",
      description: "Core loss modelling and sintering process; CNAS accredited magnetic measurement lab",
      keywords: ["ferrite", "inductor"],
      certifications: ["CNAS"],
    });
    expect(cap.statusCode).toBe(200);
    capabilityId = cap.json().id;
    await post(c, { kind: "capability", title: "医疗器械注册检验咨询", description: "ISO 13485 体系" });

    const byEnglish = (await call(app, c, "GET", `${API}/listings?q=inductor`)).json().items;
    expect(byEnglish.map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining([demandId, capabilityId]),
    );
    const byChinese = (
      await call(app, c, "GET", `${API}/listings?q=${encodeURIComponent("电感")}&kind=capability`)
    )
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(byChinese).toEqual([capabilityId]);
  });

  it("the owner sees ranked matches with reasons; others get 404 for them", async () => {
    const res = await call(app, a, "GET", `${API}/listings/${demandId}/matches`);
    expect(res.statusCode).toBe(200);
    const [top] = res.json().items;
    expect(top.listing.id).toBe(capabilityId);
    expect(top.score).toBeGreaterThan(0);
    const concepts = top.matchedTerms.map((t: { concept: string | null }) => t.concept);
    expect(concepts).toEqual(expect.arrayContaining(["inductor", "magnetic-core"]));
    expect(top.matchedTerms.some((t: { viaSynonym: boolean }) => t.viaSynonym)).toBe(true);
    const features = top.reasons.map((r: { feature: string }) => r.feature);
    expect(features).toEqual(expect.arrayContaining(["keywords", "certifications", "chainNode"]));
    expect(top.reasons.find((r: { feature: string }) => r.feature === "chainNode").evidence).toEqual([
      "n-inductor",
    ]);
    // A in 南湖区, B in 秀洲区: a few km apart.
    const distance = top.reasons.find((r: { feature: string }) => r.feature === "distance");
    expect(distance.evidence[0]).toMatch(/^\d+ km$/);
    expect(distance.value).toBeGreaterThan(0.8);
    expect((await call(app, b, "GET", `${API}/listings/${demandId}/matches`)).statusCode).toBe(404);
    // A viewer of the owning org reads the matches too (fuzz found a 403 here); and the funnel.
    expect((await call(app, aViewer, "GET", `${API}/listings/${demandId}/matches`)).statusCode).toBe(200);
    expect((await call(app, aViewer, "GET", `${API}/funnel`)).statusCode).toBe(200);
    // The university side sees the firm's demand among its capability's matches.
    const back = (await call(app, b, "GET", `${API}/listings/${capabilityId}/matches`)).json().items;
    expect(back[0].listing.id).toBe(demandId);
  });

  it("edit and close: own listings only (404 for others, 403 for a viewer); a closed one leaves search", async () => {
    expect((await call(app, b, "PATCH", `${API}/listings/${demandId}`, { title: "x" })).statusCode).toBe(404);
    expect(
      (await call(app, aViewer, "PATCH", `${API}/listings/${demandId}`, { title: "x" })).statusCode,
    ).toBe(403);
    const edited = await call(app, a, "PATCH", `${API}/listings/${demandId}`, {
      keywords: ["电感", "磁芯", "铁氧体"],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().keywords).toContain("铁氧体");
    const tmp = (await post(a, { kind: "demand", title: "临时需求 EMC 整改" })).json().id;
    expect((await call(app, a, "POST", `${API}/listings/${tmp}/close`)).json().status).toBe("closed");
    const open = (await call(app, c, "GET", `${API}/listings?q=EMC`))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(open).not.toContain(tmp);
    const mine = (await call(app, a, "GET", `${API}/listings?scope=mine`))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(mine).toContain(tmp);
  });

  it("bad input is a 400 naming the field", async () => {
    const res = await post(a, { kind: "demand", title: "x", industryCodes: ["39810"] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("industryCodes");
    expect((await post(a, { kind: "wish", title: "x" })).statusCode).toBe(400);
  });

  it("contact through the platform: a message and a notification; funnel counts it", async () => {
    const res = await call(app, b, "POST", `${API}/contacts`, {
      listingId: demandId,
      fromListingId: capabilityId,
      message: "我们的铁氧体实验室可以合作，欢迎面谈",
    });
    expect(res.statusCode).toBe(200);
    contactId = res.json().id;
    expect(res.json()).toMatchObject({
      fromOrgId: IDS.b,
      toOrgId: IDS.a,
      listingTitle: expect.stringContaining("电感"),
    });
    expect(await kinds(a)).toContain("innovation.contact");
    expect(
      (await call(app, a, "GET", `${API}/contacts`)).json().received.map((x: { id: string }) => x.id),
    ).toEqual([contactId]);
    expect(
      (await call(app, b, "POST", `${API}/contacts`, { listingId: capabilityId, message: "self" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(app, b, "POST", `${API}/contacts`, { listingId: "nope", message: "x" })).statusCode,
    ).toBe(404);
    const matches = (await call(app, b, "GET", `${API}/listings/${capabilityId}/matches`)).json().items;
    expect(matches.find((m: { listing: { id: string } }) => m.listing.id === demandId).contacted).toBe(true);
  });

  it("a joint project across orgs: members, shares, milestones, activity; non-members get 404", async () => {
    const bad = await call(app, a, "POST", `${API}/projects`, {
      title: "x",
      leadBudgetShare: 80,
      members: [{ orgId: IDS.b, role: "research", budgetShare: 30 }],
    });
    expect(bad.statusCode).toBe(400);
    const res = await call(app, a, "POST", `${API}/projects`, {
      title: "高端电感联合攻关",
      contactId,
      budgetTotal: 300,
      leadBudgetShare: 60,
      members: [{ orgId: IDS.b, role: "research", budgetShare: 40 }],
      ip: {
        ownership: "joint",
        licensing: "non-exclusive",
        publication: "review",
        notes: "论文发表前 30 天审阅",
      },
    });
    expect(res.statusCode).toBe(200);
    projectId = res.json().id;
    expect(res.json().members.map((m: { orgId: string; role: string }) => `${m.orgId}:${m.role}`)).toEqual([
      `${IDS.a}:lead`,
      `${IDS.b}:research`,
    ]);
    expect(await kinds(b)).toContain("innovation.projectMember");
    expect((await call(app, b, "GET", `${API}/contacts`)).json().sent[0].projectId).toBe(projectId);

    const withMilestone = await call(app, b, "POST", `${API}/projects/${projectId}/milestones`, {
      title: "样品磁芯损耗测试",
      dueDate: "2027-03-31",
      deliverables: ["测试报告"],
    });
    expect(withMilestone.statusCode).toBe(200);
    const milestoneId = withMilestone.json().milestones[0].id;
    const done = await call(
      app,
      a,
      "POST",
      `${API}/projects/${projectId}/milestones/${milestoneId}/complete`,
    );
    expect(done.statusCode).toBe(200);
    expect(done.json().milestones[0].status).toBe("done");
    expect(done.json().activity.map((x: { action: string }) => x.action)).toEqual(
      expect.arrayContaining(["project.created", "milestone.added", "milestone.completed"]),
    );
    expect(
      (await call(app, a, "POST", `${API}/projects/${projectId}/milestones/${milestoneId}/complete`))
        .statusCode,
    ).toBe(409);
    expect(await kinds(b)).toContain("innovation.milestoneDone");

    // A third firm: the project does not exist for it, on every project route.
    expect((await call(app, c, "GET", `${API}/projects/${projectId}`)).statusCode).toBe(404);
    expect(
      (await call(app, c, "PATCH", `${API}/projects/${projectId}`, { status: "cancelled" })).statusCode,
    ).toBe(404);
    expect(
      (
        await call(app, c, "POST", `${API}/projects/${projectId}/milestones`, {
          title: "x",
          dueDate: "2027-01-01",
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(app, c, "GET", `${API}/projects`)).json().items).toEqual([]);
    // A partner may work on it but not change its terms.
    expect(
      (await call(app, b, "PATCH", `${API}/projects/${projectId}`, { status: "cancelled" })).statusCode,
    ).toBe(403);
    const added = await call(app, a, "POST", `${API}/projects/${projectId}/members`, {
      orgId: IDS.c,
      role: "industry",
      budgetShare: 0,
    });
    expect(added.statusCode).toBe(200);
    expect((await call(app, c, "GET", `${API}/projects/${projectId}`)).statusCode).toBe(200);
    expect(
      (await call(app, a, "POST", `${API}/projects/${projectId}/members`, { orgId: IDS.c, role: "industry" }))
        .statusCode,
    ).toBe(409);
  });

  it("funnel: listings → matched → contacts → projects", async () => {
    const f = (await call(app, a, "GET", `${API}/funnel`)).json();
    expect(f.openListings).toBe(1);
    expect(f.listingsWithMatches).toBe(1);
    expect(f.contacts).toBe(1);
    expect(f.projects).toBe(1);
  });
});
