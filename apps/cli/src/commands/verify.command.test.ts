import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportForTest, keysForTest } from "../../../../packages/engine/src/trace/ledger.fixture.ts";
import { verifyExportText } from "./verify.command.ts";

const keys = keysForTest();
const chain = exportForTest(keys, 30);

describe("clusterbrain verify", () => {
  it("passes an intact export", () => {
    const r = verifyExportText("chain.json", JSON.stringify(chain));
    expect(r.ok).toBe(true);
    expect(r.output).toMatch(/chain intact, 30 events verified/);
  });

  it("names each tampered event by sequence number", () => {
    const c = structuredClone(chain);
    c.events[4].payload = { lot: "FORGED" };
    c.events.splice(10, 5);
    const r = verifyExportText("chain.json", JSON.stringify(c));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/event 5: altered/);
    expect(r.output).toMatch(/events 11–15: missing/);
  });

  it("says what is wrong with a file that is not an export", () => {
    expect(verifyExportText("x.json", "{").output).toMatch(/not JSON/);
    expect(verifyExportText("x.json", '{"format":"clusterbrain-trace-chain","version":1}').output).toMatch(
      /events must be an array \[BAD_EXPORT\]/,
    );
  });

  it("exits non-zero from the real binary when the chain was reordered", () => {
    const dir = mkdtempSync(join(tmpdir(), "cb-verify-"));
    const c = structuredClone(chain);
    const [ev] = c.events.splice(2, 1);
    c.events.push(ev);
    writeFileSync(join(dir, "bad.json"), JSON.stringify(c));
    writeFileSync(join(dir, "good.json"), JSON.stringify(chain));
    const bin = fileURLToPath(new URL("../../bin/clusterbrain.mjs", import.meta.url));
    const bad = spawnSync(process.execPath, [bin, "verify", join(dir, "bad.json")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/event 3: reordered/);
    const good = spawnSync(process.execPath, [bin, "verify", join(dir, "good.json")], { encoding: "utf8" });
    expect(good.status).toBe(0);
  });
});
