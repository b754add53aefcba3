import { type EventRegister, type PolicyQuery, routeTable } from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.events;

/** Events and policy notices; paths and answer types come from the route table. */
export const eventsApi = {
  list: (signal?: AbortSignal) => callRoute(r.list, {}, signal),
  register: (id: string, body: EventRegister) => callRoute(r.register, { params: { id }, body }),
  registrations: (id: string, signal?: AbortSignal) => callRoute(r.registrations, { params: { id } }, signal),
  checkIn: (id: string) => callRoute(r.checkIn, { params: { id } }),
  policies: (query: Partial<PolicyQuery>, signal?: AbortSignal) => callRoute(r.policies, { query }, signal),
};
