import { randomBytes } from "node:crypto";
import { openDatabase } from "../../apps/server/src/db/database.ts";

/** A fresh schema on a PostgreSQL server and a URL whose every pooled connection lives in it. */
export async function benchSchema(
  pgUrl: string,
  prefix: string,
): Promise<{ url: string; cleanup(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: pgUrl });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  return {
    url: `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    cleanup: async () => {
      const a = await openDatabase({ url: pgUrl });
      await a.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.close();
    },
  };
}
