import type { DemoAccountsResponse } from "@clusterbrain/contracts";
import { type DemoCluster, generateDemoCluster } from "@clusterbrain/demo";
import type { DbOrTx } from "../../db/database.ts";
import { AuthRepository } from "./auth.repository.ts";

let demo: DemoCluster | undefined;

/**
 * The demo users that really exist in this database, with their published demo passwords, for
 * the login page's hint — in development mode only. The generator is deterministic, so its
 * passwords are the ones the loader hashed; it runs once per process.
 */
export async function listDemoAccounts(db: DbOrTx, devMode: boolean): Promise<DemoAccountsResponse> {
  if (!devMode) return { devMode: false, accounts: [] };
  demo ??= generateDemoCluster();
  const rows = await new AuthRepository(db).membershipsByEmail(demo.users.map((u) => u.email));
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const accounts = demo.users.flatMap((u) => {
    const row = byEmail.get(u.email);
    if (!row) return [];
    return [
      {
        email: u.email,
        password: u.password,
        persona: u.persona,
        role: row.role,
        orgNameZh: row.nameZh,
        orgNameEn: row.nameEn,
      },
    ];
  });
  return { devMode: true, accounts };
}
