import { DEFAULT_DEMO_SEED, generateDemoCluster } from "@clusterbrain/demo";
import { type LedgerEvent, parseUdi, verifyChain } from "@clusterbrain/engine/trace";
import { describe, expect, it } from "vitest";
import { demoTraceRows } from "./demo.trace.ts";

const cluster = generateDemoCluster(DEFAULT_DEMO_SEED);
const rows = demoTraceRows(cluster, new Date("2026-01-15T00:00:00Z"));

describe("demo traceability data", () => {
  it("every demo chain verifies with its public key", () => {
    for (const head of rows.heads) {
      const events = rows.events.filter((e) => e.orgId === head.orgId) as LedgerEvent[];
      const publicKeys = rows.keys
        .filter((k) => k.orgId === head.orgId)
        .map((k) => ({
          orgId: k.orgId,
          keyId: k.keyId,
          publicKey: k.publicKey,
          validFrom: k.validFrom.toISOString(),
        }));
      const report = verifyChain({
        format: "clusterbrain-trace-chain",
        version: 1,
        orgId: head.orgId,
        events,
        publicKeys,
      });
      expect(report.problems).toEqual([]);
      expect(events.at(-1)?.hash).toBe(head.hash);
    }
  });

  it("the ferrite lot reaches six devices with valid UDIs and three hospitals", () => {
    const start = `lot|${rows.ferriteLot.orgId}|${rows.ferriteLot.lot}`;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const n = queue.shift() as string;
      for (const l of rows.links)
        if (l.fromNode === n && !seen.has(l.toNode)) {
          seen.add(l.toNode);
          queue.push(l.toNode);
        }
    }
    const devices = [...seen].filter((n) => n.startsWith("udi|"));
    expect(devices).toHaveLength(6);
    for (const d of devices) expect(parseUdi(d.slice(4)).serial).toMatch(/^SY\d{4}$/);
    const hospitals = cluster.orgs.filter((o) => o.category === "hospital").map((o) => o.key);
    expect([...seen].filter((n) => n.startsWith("org|") && hospitals.includes(n.slice(4)))).toHaveLength(3);
  });
});
