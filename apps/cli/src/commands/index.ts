import type { Command } from "commander";
import { registerSchedule } from "./schedule.command.ts";

/** Each command file exports one `register(program)`; add yours to this list (one line each). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerSchedule];
