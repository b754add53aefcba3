import {
  type AlarmListQuery,
  type AlarmShelve,
  type FloodQuery,
  type NotifyChannelWrite,
  routeTable,
  routeUrl,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.monitoring;
const o = routeTable.alarmOps;

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
  channels: (signal?: AbortSignal) => callRoute(o.channels, {}, signal),
  createChannel: (body: NotifyChannelWrite) => callRoute(o.createChannel, { body }),
  updateChannel: (id: string, body: NotifyChannelWrite) =>
    callRoute(o.updateChannel, { params: { id }, body }),
  deleteChannel: (id: string) => callRoute(o.deleteChannel, { params: { id } }),
  testChannel: (id: string) => callRoute(o.testChannel, { params: { id } }),
  flood: (query: Partial<FloodQuery>, signal?: AbortSignal) => callRoute(o.flood, { query }, signal),
  /** The alarm log as .xlsx with the list's filters (a plain GET with the session cookie). */
  exportUrl: (query: Partial<AlarmListQuery>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const qs = params.toString();
    return `${routeUrl(o.exportAlarms)}${qs ? `?${qs}` : ""}`;
  },
};
