import { routeTable } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.scheduling;
type Objective = "makespan" | "totalTardiness" | "weightedTardiness";

/** Calls of the scheduling screen, typed from the route table. */
export const schedulingApi = {
  list: (signal?: AbortSignal) => callRoute(r.list, {}, signal),
  get: (id: string, signal?: AbortSignal) => callRoute(r.get, { params: { id } }, signal),
  create: (name: string, objective: Objective, timeLimitSeconds: number) =>
    callRoute(r.create, { body: { name, objective, timeLimitSeconds, seed: 1 } }),
  publish: (id: string) => callRoute(r.publish, { params: { id } }),
  remove: (id: string) => callRoute(r.remove, { params: { id } }),
  load: (id: string, signal?: AbortSignal) => callRoute(r.load, { params: { id } }, signal),
  move: (id: string, job: number, op: number, machine: number, start: number) =>
    callRoute(r.move, { params: { id }, body: { job, op, machine, start } }),
  lock: (id: string, job: number, op: number, locked: boolean) =>
    callRoute(r.lock, { params: { id }, body: { job, op, locked } }),
  undo: (id: string) => callRoute(r.undo, { params: { id } }),
  disturb: (id: string, machine: string, from: string, to: string) =>
    callRoute(r.disturb, { params: { id }, body: { machine, from, to } }),
  promise: (item: string, quantity: number) => callRoute(r.promise, { body: { item, quantity } }),
};
