import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const DOC = readFileSync(join(ROOT, "docs", "security.md"), "utf8");
/** A repository path in backticks: segments of name characters joined by "/", no scheme, no spaces. */
const PATH = /^[A-Za-z0-9_.@-]+(\/[A-Za-z0-9_.@-]+)+$/;
const CHAPTERS = ["V2", "V3", "V4", "V5", "V7", "V8", "V9", "V12", "V13", "V14"];
const STATUSES = new Set(["Met", "Partial", "Gap", "N/A"]);

function namedPaths(): string[] {
  return [...DOC.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]).filter((t) => PATH.test(t));
}

function tableRows(): string[][] {
  return DOC.split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| ASVS"))
    .map((l) => l.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, "").trim()));
}

describe("docs/security.md cannot rot", () => {
  it("every file and package it names exists, and it names at least 20 test files", () => {
    const paths = namedPaths();
    // Scoped npm names (@scope/pkg) must be installed; everything else is a repository path.
    const missing = paths.filter((p) => !existsSync(join(ROOT, p.startsWith("@") ? `node_modules/${p}` : p)));
    expect(missing).toEqual([]);
    const tests = new Set(paths.filter((p) => /\.(test|e2e)\.tsx?$/.test(p)));
    console.log(`security.md names ${paths.length} paths, ${tests.size} distinct test files`);
    expect(tests.size).toBeGreaterThanOrEqual(20);
  });

  it("covers every ASVS chapter the brief lists, each row with a known status", () => {
    for (const ch of CHAPTERS) expect(DOC).toMatch(new RegExp(`^## ${ch} `, "m"));
    const rows = tableRows();
    expect(rows.length).toBeGreaterThan(80);
    const bad = rows.filter((r) => r.length < 4 || !STATUSES.has(r[2]));
    expect(bad).toEqual([]);
  });

  it("a row that says Gap or N/A says why", () => {
    const silent = tableRows().filter((r) => (r[2] === "Gap" || r[2] === "N/A") && (r[3] ?? "").length < 10);
    expect(silent).toEqual([]);
  });
});
