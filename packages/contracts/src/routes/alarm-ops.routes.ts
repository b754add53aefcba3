import { z } from "zod";
import {
  floodQuerySchema,
  floodReportSchema,
  notifyChannelListSchema,
  notifyChannelSchema,
  notifyChannelTestResultSchema,
  notifyChannelWriteSchema,
} from "../alarm-ops.contract.ts";
import { idParamsSchema, okSchema } from "../common.contract.ts";
import { alarmListQuerySchema } from "../monitoring.contract.ts";
import { XLSX_CONTENT_TYPE } from "./import.routes.ts";
import { defineRoute } from "./route.ts";

const tags = ["monitoring"];
const xlsxFile = z.unknown().describe(`${XLSX_CONTENT_TYPE} workbook`);

/** Alarm operations of MY org: notification channels (quiet hours), alarm flood and chattering, the alarm log export. */
export const alarmOpsRoutes = {
  channels: defineRoute({
    method: "GET",
    path: "/monitoring/channels",
    tags,
    summary:
      "My org's alarm notification channels (e-mail, DingTalk, WeCom, Feishu); secrets are never returned",
    response: notifyChannelListSchema,
  }),
  createChannel: defineRoute({
    method: "POST",
    path: "/monitoring/channels",
    tags,
    summary: "Add a notification channel (owner/admin); audited",
    body: notifyChannelWriteSchema,
    response: notifyChannelSchema,
    errors: [403],
  }),
  updateChannel: defineRoute({
    method: "PUT",
    path: "/monitoring/channels/:id",
    tags,
    summary: "Change a notification channel (a webhook or secret left out keeps the stored one); audited",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    body: notifyChannelWriteSchema,
    response: notifyChannelSchema,
    errors: [403, 404],
  }),
  deleteChannel: defineRoute({
    method: "DELETE",
    path: "/monitoring/channels/:id",
    tags,
    summary: "Remove a notification channel (and what it held in quiet hours); audited",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: okSchema,
    errors: [403, 404],
  }),
  testChannel: defineRoute({
    method: "POST",
    path: "/monitoring/channels/:id/test",
    tags,
    summary:
      "Send a test message through a channel now (quiet hours do not apply); says whether it was accepted",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: notifyChannelTestResultSchema,
    errors: [403, 404],
  }),
  flood: defineRoute({
    method: "GET",
    path: "/monitoring/flood",
    tags,
    summary:
      "Alarm rate per operator-hour against EEMUA 191, alarm floods, the top-10 bad actors and chattering tags with suggested dead-band and delays",
    query: floodQuerySchema,
    response: floodReportSchema,
  }),
  exportAlarms: defineRoute({
    method: "GET",
    path: "/monitoring/alarms/export",
    tags,
    summary: "The alarm log as .xlsx, with the same filters as the alarm list",
    query: alarmListQuerySchema,
    produces: XLSX_CONTENT_TYPE,
    response: xlsxFile,
  }),
};
