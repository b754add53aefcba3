import {
  type GrowthDrillQuery,
  type GrowthJobRequest,
  routeTable,
  type StrategyNoteWrite,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.growth;

/** Calls of the growth dashboards and the strategy workbench, typed from the route table. */
export const growthApi = {
  micro: (year: number | undefined, signal?: AbortSignal) => callRoute(r.micro, { query: { year } }, signal),
  meso: (year: number | undefined, signal?: AbortSignal) => callRoute(r.meso, { query: { year } }, signal),
  macro: (year: number | undefined, signal?: AbortSignal) => callRoute(r.macro, { query: { year } }, signal),
  runJob: (body: GrowthJobRequest) => callRoute(r.runJob, { body }),
  drill: (query: GrowthDrillQuery, signal?: AbortSignal) => callRoute(r.drill, { query }, signal),
  strategy: (signal?: AbortSignal) => callRoute(r.strategy, {}, signal),
  note: (signal?: AbortSignal) => callRoute(r.note, {}, signal),
  saveNote: (body: StrategyNoteWrite) => callRoute(r.saveNote, { body }),
};
