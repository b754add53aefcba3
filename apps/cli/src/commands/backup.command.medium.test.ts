import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@clusterbrain/server";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "clusterbrain.mjs");
const work = mkdtempSync(join(tmpdir(), "cb-cli-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, ...args], { timeout: 240_000 });
  return stdout;
}

/** The two commands end to end, as an operator types them, on each database kind available. */
describe("clusterbrain backup / restore", () => {
  it("round-trips a PGlite folder and refuses a non-empty target", async () => {
    const source = join(work, "source");
    await cli("migrate", "--database", source);
    const out = join(work, "pglite.cbk");
    expect(await cli("backup", "--database", source, "--out", out)).toMatch(/backup written: .*pglite/);
    expect(await cli("restore", out, "--database", join(work, "restored"))).toMatch(
      /tables, \d+ rows, consistent/,
    );
    await expect(cli("restore", out, "--database", source)).rejects.toThrow(/is not empty/);
  });

  // Like describeEachDatabase: the PostgreSQL case exists only where a server is configured.
  const base = process.env.TEST_DATABASE_URL;
  if (base)
    it("round-trips a PostgreSQL database", async () => {
      const admin = await openDatabase({ url: base });
      const names = [0, 1].map(() => `cb_cli_${randomBytes(5).toString("hex")}`);
      const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
      try {
        for (const n of names) await admin.exec(`CREATE DATABASE ${n}`);
        const [from, to] = names.map(urlOf) as [string, string];
        await cli("migrate", "--database", from);
        const out = join(work, "pg.cbk");
        expect(await cli("backup", "--database", from, "--out", out)).toMatch(/backup written: .*postgres/);
        expect(await cli("restore", out, "--database", to)).toMatch(/consistent/);
        await expect(cli("restore", out, "--database", to)).rejects.toThrow(/--force/);
        expect(await cli("restore", out, "--database", to, "--force")).toMatch(/consistent/);
      } finally {
        for (const n of names) await admin.exec(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
        await admin.close();
      }
    });
});
