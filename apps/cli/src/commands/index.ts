import type { Command } from "commander";
import { registerAnalyze } from "./analyze.command.ts";
import { registerAudit } from "./audit.command.ts";
import { registerBackup } from "./backup.command.ts";
import { registerCapacity } from "./capacity.command.ts";
import { registerDemo } from "./demo.command.ts";
import { registerDetect } from "./detect.command.ts";
import { registerExport } from "./export.command.ts";
import { registerForecast } from "./forecast.command.ts";
import { registerImport } from "./import.command.ts";
import { registerJobs } from "./jobs.command.ts";
import { registerMigrate } from "./migrate.command.ts";
import { registerMrp } from "./mrp.command.ts";
import { registerSchedule } from "./schedule.command.ts";
import { registerServe } from "./serve.command.ts";
import { registerSimulate } from "./simulate.command.ts";
import { registerSpc } from "./spc.command.ts";
import { registerUser } from "./user.command.ts";
import { registerVerify } from "./verify.command.ts";

/** Each command file exports one `register(program)`; add yours to this list (one line each). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerAnalyze,
  registerDemo,
  registerImport,
  registerExport,
  registerSchedule,
  registerDetect,
  registerForecast,
  registerSpc,
  registerServe,
  registerMigrate,
  registerMrp,
  registerCapacity,
  registerUser,
  registerJobs,
  registerBackup,
  registerAudit,
  registerSimulate,
  registerVerify,
];
