// The server under test for `npm run bench -- overload`, in its own process so its heap limit
// (--max-old-space-size) and RSS are its own: memory:// database with the demo cluster, limits
// from the environment like production. Prints one JSON line {"url": …} when listening.
import { startServer } from "../../apps/server/src/index.ts";

const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  databaseUrl: "memory://",
  loadDemo: true,
  webDist: "/nonexistent",
  logLevel: "error",
});
console.log(JSON.stringify({ url: server.url }));
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
