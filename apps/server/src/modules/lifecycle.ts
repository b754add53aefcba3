import type { FastifyBaseLogger } from "fastify";
import type { AppDeps, FeatureModule, ModuleHealth, RunningModule } from "./module.ts";

export type ModuleState = "starting" | "running" | "stopping" | "stopped" | "failed";

export interface ModuleReport {
  name: string;
  state: ModuleState;
  ok: boolean;
  [detail: string]: unknown;
}

interface Entry {
  name: string;
  state: ModuleState;
  running?: RunningModule;
}

/**
 * Starts the modules that declare `start` (in list order) and stops them in reverse order within
 * a bounded time: a module that does not stop in time is reported and left behind, so one stuck
 * poller cannot keep the process from exiting.
 */
export class ModuleLifecycle {
  private readonly entries: Entry[];
  private readonly modules: Map<string, FeatureModule>;

  constructor(
    modules: readonly FeatureModule[],
    private readonly log: FastifyBaseLogger,
  ) {
    this.entries = modules.filter((m) => m.start).map((m) => ({ name: m.name, state: "stopped" }));
    this.modules = new Map(modules.map((m) => [m.name, m]));
  }

  async start(deps: AppDeps): Promise<void> {
    for (const entry of this.entries) {
      const start = this.modules.get(entry.name)?.start;
      if (!start) continue;
      entry.state = "starting";
      try {
        entry.running = await start(deps);
        entry.state = "running";
      } catch (err) {
        entry.state = "failed";
        // Whatever did start must not outlive the failed start-up.
        await this.stop(deps.config.shutdownSeconds * 1000);
        throw err;
      }
    }
  }

  /** Stops running modules in reverse order; resolves within about `timeoutMs` whatever happens. */
  async stop(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const entry of [...this.entries].reverse()) {
      if (!entry.running || entry.state !== "running") continue;
      entry.state = "stopping";
      const left = Math.max(0, deadline - Date.now());
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), left);
      });
      try {
        const outcome = await Promise.race([entry.running.stop().then(() => "stopped" as const), timedOut]);
        entry.state = outcome === "stopped" ? "stopped" : "failed";
        if (outcome === "timeout")
          this.log.warn({ module: entry.name }, `module ${entry.name} did not stop in time`);
      } catch (err) {
        entry.state = "failed";
        this.log.error({ err, module: entry.name }, `module ${entry.name} failed to stop`);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** One line per started module for /readyz. */
  report(): ModuleReport[] {
    return this.entries.map((entry) => {
      let health: ModuleHealth = { ok: entry.state === "running" };
      if (entry.state === "running" && entry.running?.health) {
        try {
          health = entry.running.health();
        } catch {
          health = { ok: false };
        }
      }
      return { ...health, name: entry.name, state: entry.state, ok: entry.state === "running" && health.ok };
    });
  }
}
