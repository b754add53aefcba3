import { ingestSettingsSchema, opcuaBrowseBodySchema, opcuaBrowseResultSchema } from "../ingest.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["ingest"];

export const ingestRoutes = {
  opcuaBrowse: defineRoute({
    method: "POST",
    path: "/ingest/opcua/browse",
    tags,
    summary:
      "List the children of a node of an OPC UA server (default the Objects folder) for picking nodes to subscribe; SignAndEncrypt with the trust list, None only when the firm's test-rig flag is on",
    body: opcuaBrowseBodySchema,
    response: opcuaBrowseResultSchema,
    errors: [403, 409],
  }),
  getSettings: defineRoute({
    method: "GET",
    path: "/ingest/settings",
    tags,
    summary: "The caller's firm's ingest settings (OPC UA test-rig flag)",
    response: ingestSettingsSchema,
  }),
  putSettings: defineRoute({
    method: "PUT",
    path: "/ingest/settings",
    tags,
    summary: "Change the caller's firm's ingest settings (owner/admin; audited)",
    body: ingestSettingsSchema,
    response: ingestSettingsSchema,
    errors: [403],
  }),
};
