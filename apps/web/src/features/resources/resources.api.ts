import {
  type BookingCreate,
  type BookingNote,
  type BookingRating,
  type BookingUsage,
  type ResourceCreate,
  type ResourceListQuery,
  routeTable,
} from "@clusterbrain/contracts";
import { callRoute } from "../../shared/api/route.client.ts";

const r = routeTable.resources;

/** Shared resources and their bookings; every path and answer type comes from the route table. */
export const resourcesApi = {
  list: (query: Partial<ResourceListQuery>, signal?: AbortSignal) => callRoute(r.list, { query }, signal),
  get: (id: string, signal?: AbortSignal) => callRoute(r.get, { params: { id } }, signal),
  create: (body: ResourceCreate) => callRoute(r.create, { body }),
  calendar: (id: string, from: string, to: string, signal?: AbortSignal) =>
    callRoute(r.calendar, { params: { id }, query: { from, to } }, signal),
  book: (id: string, body: BookingCreate) => callRoute(r.book, { params: { id }, body }),
  bookings: (signal?: AbortSignal) => callRoute(r.bookings, {}, signal),
  approve: (id: string, body: BookingNote) => callRoute(r.approve, { params: { id }, body }),
  decline: (id: string, body: BookingNote) => callRoute(r.decline, { params: { id }, body }),
  cancel: (id: string, body: BookingNote) => callRoute(r.cancel, { params: { id }, body }),
  usage: (id: string, body: BookingUsage) => callRoute(r.usage, { params: { id }, body }),
  rate: (id: string, body: BookingRating) => callRoute(r.rate, { params: { id }, body }),
};
