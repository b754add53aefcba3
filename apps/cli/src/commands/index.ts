import type { Command } from "commander";

/** Each command file exports one `register(program)`; add yours to this list (one line each). */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
