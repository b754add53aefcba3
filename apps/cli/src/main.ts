import { Command } from "commander";
import { commands } from "./commands/index.ts";

const program = new Command()
  .name("clusterbrain")
  .description("Cluster Brain (产业集群大脑) — command line")
  .showHelpAfterError();

for (const register of commands) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  // One clear line for the user; the stack only when debugging.
  const message = err instanceof Error ? err.message : String(err);
  console.error(`clusterbrain: ${message}`);
  if (process.env.DEBUG) console.error(err);
  process.exit(1);
});
