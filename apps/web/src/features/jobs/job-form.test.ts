import type { JobSummary } from "@clusterbrain/contracts";
import { startJobBodySchema } from "@clusterbrain/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, mergeJob, runSeconds, toStartBody } from "./job-form.ts";

const job = (id: string, status: JobSummary["status"], progress = 0): JobSummary => ({
  id,
  kind: "schedule",
  orgId: "org-a",
  createdBy: null,
  status,
  progress,
  note: null,
  error: null,
  cancelRequested: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  startedAt: "2026-01-01T00:00:01.000Z",
  finishedAt: status === "running" ? null : "2026-01-01T00:00:04.500Z",
});

describe("toStartBody", () => {
  it("builds bodies the server's schema accepts, for both kinds", () => {
    const schedule = toStartBody(DEFAULT_FORM);
    expect(startJobBodySchema.parse(schedule)).toMatchObject({
      kind: "schedule",
      input: { instance: { source: "generated", jobs: 15, machines: 15 }, timeLimitSeconds: 20 },
    });
    const mrp = toStartBody({ ...DEFAULT_FORM, kind: "mrp" });
    expect(startJobBodySchema.parse(mrp)).toMatchObject({ kind: "mrp", input: { items: 2000, levels: 5 } });
  });
});

describe("mergeJob", () => {
  it("adds new jobs first, updates known ones, and never lets a late running push undo a finish", () => {
    let list = mergeJob([], job("a", "running", 0.2));
    list = mergeJob(list, job("b", "running"));
    expect(list.map((j) => j.id)).toEqual(["b", "a"]);
    list = mergeJob(list, job("a", "running", 0.6));
    expect(list[1].progress).toBe(0.6);
    list = mergeJob(list, job("a", "cancelled", 0.6));
    list = mergeJob(list, job("a", "running", 0.7));
    expect(list[1].status).toBe("cancelled");
  });
});

describe("runSeconds", () => {
  it("measures finished runs to their end and running ones to now", () => {
    expect(runSeconds(job("a", "succeeded"), 0)).toBe(3.5);
    expect(runSeconds(job("a", "running"), Date.parse("2026-01-01T00:00:03.000Z"))).toBe(2);
    expect(runSeconds({ startedAt: null, finishedAt: null }, 0)).toBeNull();
  });
});
