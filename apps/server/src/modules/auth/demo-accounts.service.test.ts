import { generateDemoCluster } from "@clusterbrain/demo";
import { beforeAll, expect, it } from "vitest";
import { verifyPassword } from "../../auth/secrets.ts";
import { loadDemoCluster } from "../../demo/demo.loader.ts";
import { describeEachDatabase } from "../../test/test-database.ts";
import { AuthRepository } from "./auth.repository.ts";
import { listDemoAccounts } from "./demo-accounts.service.ts";

describeEachDatabase("demo accounts on the login page", (getDb) => {
  beforeAll(async () => {
    await loadDemoCluster(getDb().db);
  });

  it("lists one account per persona in development mode, with passwords that really sign in", async () => {
    const { db } = getDb();
    const res = await listDemoAccounts(db, true);
    expect(res.devMode).toBe(true);
    expect(res.accounts.map((a) => a.persona).sort()).toEqual(
      generateDemoCluster()
        .users.map((u) => u.persona)
        .sort(),
    );
    const owner = res.accounts.find((a) => a.role === "owner");
    expect(owner?.orgNameZh).toMatch(/[\u4e00-\u9fff]/);
    const user = await new AuthRepository(db).findUserByEmail(owner?.email ?? "");
    expect(await verifyPassword(user?.passwordHash ?? "", owner?.password ?? "")).toBe(true);
  });

  it("lists nothing outside development mode", async () => {
    expect(await listDemoAccounts(getDb().db, false)).toEqual({ devMode: false, accounts: [] });
  });
});
