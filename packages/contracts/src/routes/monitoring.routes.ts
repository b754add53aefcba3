import { idParamsSchema } from "../common.contract.ts";
import {
  alarmCommentWriteSchema,
  alarmDetailSchema,
  alarmListQuerySchema,
  alarmListSchema,
  alarmSchema,
  alarmShelveSchema,
  benchmarkListSchema,
  detectorListSchema,
  detectorSchema,
  detectorSettingsSchema,
  tagIdParamsSchema,
} from "../monitoring.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["monitoring"];

/** Early warning on MY org's live telemetry: ISA-18.2 alarms and the per-tag detectors. */
export const monitoringRoutes = {
  alarms: defineRoute({
    method: "GET",
    path: "/monitoring/alarms",
    tags,
    summary: "My org's alarms, newest first (filters: state, priority, tag, raised between from and to)",
    query: alarmListQuerySchema,
    response: alarmListSchema,
  }),
  alarm: defineRoute({
    method: "GET",
    path: "/monitoring/alarms/:id",
    tags,
    summary: "One alarm of my org with its comments",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: alarmDetailSchema,
    errors: [404],
  }),
  acknowledge: defineRoute({
    method: "POST",
    path: "/monitoring/alarms/:id/acknowledge",
    tags,
    summary: "Acknowledge an alarm (unack → acked, or returned-unacknowledged → normal); audited",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: alarmSchema,
    errors: [403, 404, 409],
  }),
  shelve: defineRoute({
    method: "POST",
    path: "/monitoring/alarms/:id/shelve",
    tags,
    summary: "Shelve an alarm's tag for some minutes (expires by itself); audited",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: alarmShelveSchema,
    response: alarmSchema,
    errors: [403, 404],
  }),
  comment: defineRoute({
    method: "POST",
    path: "/monitoring/alarms/:id/comments",
    tags,
    summary: "Add a comment to an alarm; audited",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: alarmCommentWriteSchema,
    response: alarmDetailSchema,
    errors: [403, 404],
  }),
  detectors: defineRoute({
    method: "GET",
    path: "/monitoring/detectors",
    tags,
    summary: "My org's per-tag detectors: chosen chart, target run length and expected false-alarm rate",
    response: detectorListSchema,
  }),
  benchmarks: defineRoute({
    method: "GET",
    path: "/monitoring/benchmarks",
    tags,
    summary:
      "Cluster benchmark per process type (Cpk quartiles across firms that granted it; withheld below 3 firms) and where my firm stands",
    response: benchmarkListSchema,
  }),
  configure: defineRoute({
    method: "PUT",
    path: "/monitoring/detectors/:tagId",
    tags,
    summary: "Change a tag's target in-control run length; the detector re-learns from the tag's history",
    params: tagIdParamsSchema,
    scope: { tagId: "own-org-record" },
    body: detectorSettingsSchema,
    response: detectorSchema,
    errors: [403, 404],
  }),
};
