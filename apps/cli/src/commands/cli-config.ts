import { type AppConfig, loadConfig } from "@clusterbrain/server";

let loaded: AppConfig | undefined;

/** The validated configuration, read from the environment once per process and shared by every command. */
export function cliConfig(): AppConfig {
  loaded ??= loadConfig();
  return loaded;
}
