// The raw broker rate's reference: a plain aedes broker (no authentication, no decoding, no
// database) in its own process, so the same publishers measure what the broker alone sustains.
import { createServer } from "node:net";
import { Aedes } from "aedes";

const aedes = await Aedes.createBroker({ concurrency: 1000 });
const server = createServer(aedes.handle);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: "", mqttPort: port })}\n`);
});
