import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/test-database.ts";
import { JobRepository } from "./job.repository.ts";

describeEachDatabase("jobs at start-up", (getDb) => {
  it("marks unfinished jobs interrupted, except those whose cancel was acknowledged: they stay cancelled", async () => {
    const repo = new JobRepository(getDb().db);
    const at = new Date("2026-12-07T02:00:00Z");
    const base = { kind: "schedule" as const, orgId: "org-a", createdBy: null, input: {}, at };
    await repo.insert({ ...base, id: "j-running" });
    await repo.markRunning("j-running", at);
    await repo.insert({ ...base, id: "j-cancel-asked" });
    await repo.markRunning("j-cancel-asked", at);
    await repo.requestCancel("j-cancel-asked", at);
    await repo.insert({ ...base, id: "j-queued" });
    await repo.insert({ ...base, id: "j-done" });
    await repo.finish("j-done", { status: "succeeded", result: { ok: true }, at });

    const interrupted = await repo.interruptUnfinished(new Date("2026-12-07T02:05:00Z"), {
      code: "INTERRUPTED",
      message: "the server stopped while the job ran",
    });

    expect(interrupted).toBe(2);
    expect((await repo.summary("j-running"))?.status).toBe("interrupted");
    expect((await repo.summary("j-queued"))?.status).toBe("interrupted");
    expect((await repo.summary("j-cancel-asked"))?.status).toBe("cancelled");
    expect((await repo.summary("j-done"))?.status).toBe("succeeded");
  });
});
