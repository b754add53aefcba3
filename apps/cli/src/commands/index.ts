import type { Command } from "commander";
import { registerDemo } from "./demo.command.ts";
import { registerDetect } from "./detect.command.ts";
import { registerForecast } from "./forecast.command.ts";
import { registerMigrate } from "./migrate.command.ts";
import { registerSchedule } from "./schedule.command.ts";
import { registerServe } from "./serve.command.ts";
import { registerSpc } from "./spc.command.ts";
import { registerUser } from "./user.command.ts";

/** Each command file exports one `register(program)`; add yours to this list (one line each). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerDemo,
  registerSchedule,
  registerDetect,
  registerForecast,
  registerSpc,
  registerServe,
  registerMigrate,
  registerUser,
];
