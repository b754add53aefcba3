import { type AlarmListQuery, type AlarmShelve, routeTable } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.monitoring;

/** Alarm and detector calls, typed from the route table. */
export const alarmsApi = {
  list: (query: Partial<AlarmListQuery>, signal?: AbortSignal) =>
    callRoute(r.alarms, { query: query as AlarmListQuery }, signal),
  detail: (id: string, signal?: AbortSignal) => callRoute(r.alarm, { params: { id } }, signal),
  acknowledge: (id: string) => callRoute(r.acknowledge, { params: { id } }),
  shelve: (id: string, body: AlarmShelve) => callRoute(r.shelve, { params: { id }, body }),
  comment: (id: string, text: string) => callRoute(r.comment, { params: { id }, body: { text } }),
  spc: (tagId: string, hours: number, signal?: AbortSignal) =>
    callRoute(r.spc, { params: { tagId }, query: { hours } }, signal),
  benchmarks: (signal?: AbortSignal) => callRoute(r.benchmarks, {}, signal),
  detectors: (signal?: AbortSignal) => callRoute(r.detectors, {}, signal),
  configure: (tagId: string, targetArl: number) =>
    callRoute(r.configure, { params: { tagId }, body: { targetArl } }),
};
