import type { LiveEvent } from "@clusterbrain/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../auth/actor.ts";
import { call, EMAILS, IDS, login, type Session, seedCluster } from "../../test/fixtures.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { finished, jobsApp, scheduleBody, startJob, waitForJob } from "../jobs/job.test-support.ts";
import { LiveHub } from "./live.hub.ts";
import { REAUTHORIZE_MS } from "./live.routes.ts";

type JobEvent = Extract<LiveEvent, { topic: "job" }>;
const jobIdOf = (e: LiveEvent) => (e.topic === "job" ? e.job.id : `(${e.topic})`);

/** An open GET /api/v1/live stream that collects every event it receives. */
async function subscribe(url: string, s: Session) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/live`, { headers: { cookie: s.cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  // Job events only: the notification topic shares the stream and is tested on its own.
  const events: JobEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const pump = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          const event = data ? (JSON.parse(data.slice(6)) as LiveEvent) : undefined;
          if (event?.topic === "job") events.push(event);
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    ended: pump,
    jobIds: () => new Set(events.map((e) => e.job.id)),
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

describeEachDatabase("live updates", (getDb) => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    await seedCluster(getDb().db);
    app = await jobsApp(getDb().db, { threads: 2, perOrgRunning: 1, perOrgQueued: 2 });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("delivers each firm its own job events and never another tenant's", async () => {
    const a = await login(app, EMAILS.aOwner);
    const aViewer = await login(app, EMAILS.aViewer);
    const b = await login(app, EMAILS.bOwner);
    const streamA = await subscribe(url, aViewer);
    const streamB = await subscribe(url, b);
    const jobA = await startJob(app, a, scheduleBody(1, 11));
    const jobB = await startJob(app, b, scheduleBody(0.5, 12));
    await waitForJob(app, a, jobA.id, finished);
    await waitForJob(app, b, jobB.id, finished);
    // Give the last pushes time to cross the socket before judging.
    await new Promise((r) => setTimeout(r, 300));
    await streamA.close();
    await streamB.close();

    const aStatuses = streamA.events.filter((e) => e.job.id === jobA.id).map((e) => e.job.status);
    expect(aStatuses[0]).toBe("queued");
    expect(aStatuses).toContain("running");
    expect(aStatuses.at(-1)).toBe("succeeded");
    expect(streamA.events.some((e) => e.job.id === jobA.id && e.job.progress > 0 && e.job.progress < 1)).toBe(
      true,
    );
    expect(streamB.jobIds()).toContain(jobB.id);

    // The point of the test: no event about the other firm's job crosses over.
    expect(streamA.jobIds()).not.toContain(jobB.id);
    expect(streamB.jobIds()).not.toContain(jobA.id);
    expect(streamA.events.every((e) => e.job.orgId === IDS.a)).toBe(true);
    expect(streamB.events.every((e) => e.job.orgId === IDS.b)).toBe(true);
  });

  it("ends an open stream once its session is gone (logout), within the re-check interval", async () => {
    const s = await login(app, EMAILS.aMember);
    const stream = await subscribe(url, s);
    const t0 = Date.now();
    expect((await call(app, s, "POST", "/api/v1/auth/logout")).statusCode).toBe(200);
    await stream.ended;
    expect(Date.now() - t0).toBeLessThan(REAUTHORIZE_MS + 3000);
  });

  it("refuses an anonymous subscription with 401", async () => {
    const res = await fetch(`${url}/api/v1/live`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });
});

describe("LiveHub", () => {
  const actor = (orgId: string): Actor => ({
    userId: `u-${orgId}`,
    email: `${orgId}@x.test`,
    displayName: orgId,
    orgId,
    orgKind: "enterprise",
    role: "viewer",
    via: "session",
    credentialId: `c-${orgId}`,
  });
  const event = (orgId: string, id: string): LiveEvent => ({
    topic: "job",
    job: {
      id,
      kind: "schedule",
      orgId,
      createdBy: null,
      status: "running",
      progress: 0.5,
      note: null,
      error: null,
      cancelRequested: false,
      createdAt: new Date(0).toISOString(),
      startedAt: null,
      finishedAt: null,
    },
  });

  it("applies the policy per message and per subscriber, and ends every stream on close", () => {
    const hub = new LiveHub();
    const got: Record<string, string[]> = { a: [], b: [], operator: [] };
    const ended: string[] = [];
    for (const org of ["a", "b", "operator"]) {
      hub.subscribe(actor(org), { deliver: (e) => got[org].push(jobIdOf(e)), end: () => ended.push(org) });
    }
    hub.publish({ orgId: "a" }, event("a", "job-a"));
    hub.publish({ orgId: "b" }, event("b", "job-b"));
    expect(got).toEqual({ a: ["job-a"], b: ["job-b"], operator: [] });
    hub.close();
    expect(ended.sort()).toEqual(["a", "b", "operator"]);
    expect(hub.subscriberCount).toBe(0);
  });

  it("delivers a notification only to its org, and one addressed to a user only to that user", () => {
    const hub = new LiveHub();
    const got: string[] = [];
    const reader = (org: string, userId: string) => ({ ...actor(org), userId });
    for (const [org, user] of [
      ["a", "u1"],
      ["a", "u2"],
      ["b", "u3"],
    ]) {
      hub.subscribe(reader(org, user), {
        deliver: (e) => got.push(`${user}:${e.topic === "notification" ? e.notification.id : "?"}`),
        end: () => undefined,
      });
    }
    const note = (id: string): LiveEvent => ({
      topic: "notification",
      notification: { id, kind: "grant.created", params: {}, link: null, createdAt: "", readAt: null },
    });
    hub.publish({ orgId: "a" }, note("n-org"));
    hub.publish({ orgId: "a", userId: "u2" }, note("n-user"));
    expect(got.sort()).toEqual(["u1:n-org", "u2:n-org", "u2:n-user"]);
  });

  it("keeps delivering to others when one stream throws", () => {
    const hub = new LiveHub();
    const got: string[] = [];
    hub.subscribe(actor("a"), {
      deliver: () => {
        throw new Error("broken pipe");
      },
      end: () => undefined,
    });
    hub.subscribe(actor("a"), { deliver: (e) => got.push(jobIdOf(e)), end: () => undefined });
    hub.publish({ orgId: "a" }, event("a", "job-1"));
    expect(got).toEqual(["job-1"]);
  });
});
