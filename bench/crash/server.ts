// The server process the crash bench kills: the real `startServer` (migrations, job recovery,
// listen) on the database in CRASH_DB_URL, port 0. It prints {"url"} once listening, seeds the
// medium-test cluster on its first start (CRASH_SEED=1), and answers the parent's invariant
// checks over the IPC channel with its own database handle, so PGlite's data directory is
// never opened by two processes.
import { startServer } from "../../apps/server/src/index.ts";
import { seedCluster } from "../../apps/server/src/test/fixtures.ts";
import { checkInvariants, type Ledger } from "./invariants.ts";

const url = process.env.CRASH_DB_URL;
if (!url) throw new Error("CRASH_DB_URL is not set");
const server = await startServer({ databaseUrl: url, port: 0, host: "127.0.0.1", logLevel: "silent" });
if (process.env.CRASH_SEED === "1") await seedCluster(server.db.db);
process.on("message", (ledger: Ledger) => {
  checkInvariants(server.db.db, ledger).then(
    (report) => process.send?.({ report }),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
