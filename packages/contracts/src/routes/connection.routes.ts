import { idParamsSchema, okSchema } from "../common.contract.ts";
import {
  connectionBrowseBodySchema,
  connectionInputSchema,
  connectionListSchema,
  connectionSchema,
  opcuaTrustSchema,
  serverCertificateBodySchema,
  serverCertificateSchema,
  trustCertificateBodySchema,
  trustedCertificateSchema,
} from "../connection.contract.ts";
import { opcuaBrowseResultSchema } from "../ingest.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["ingest"];
const scope = { id: "own-org-record" } as const;

/**
 * My firm's stored device connections (OPC UA, Modbus TCP) that the server runs, with their live
 * status, browsing through a stored OPC UA connection, and the firm's OPC UA trust list.
 */
export const connectionRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/ingest/connections",
    tags,
    summary: "My firm's device connections (OPC UA, Modbus TCP) with their status (never their secrets)",
    response: connectionListSchema,
    errors: [403],
  }),
  create: defineRoute({
    method: "POST",
    path: "/ingest/connections",
    tags,
    summary:
      "Add a device connection; the server starts it at once (OPC UA security None refused unless the firm's test-rig flag is on)",
    body: connectionInputSchema,
    response: connectionSchema,
    errors: [403, 404, 409],
  }),
  get: defineRoute({
    method: "GET",
    path: "/ingest/connections/:id",
    tags,
    summary: "One device connection with its status",
    params: idParamsSchema,
    scope,
    response: connectionSchema,
    errors: [403, 404],
  }),
  update: defineRoute({
    method: "PUT",
    path: "/ingest/connections/:id",
    tags,
    summary:
      "Replace a device connection's settings (a password left out is kept); only this connection restarts",
    params: idParamsSchema,
    scope,
    body: connectionInputSchema,
    response: connectionSchema,
    errors: [403, 404, 409],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/ingest/connections/:id",
    tags,
    summary: "Stop and delete a device connection",
    params: idParamsSchema,
    scope,
    response: okSchema,
    errors: [403, 404],
  }),
  browse: defineRoute({
    method: "POST",
    path: "/ingest/connections/:id/browse",
    tags,
    summary:
      "Children of a node (default the Objects folder) of the server of a stored OPC UA connection, with its security and identity",
    params: idParamsSchema,
    scope,
    body: connectionBrowseBodySchema,
    response: opcuaBrowseResultSchema,
    errors: [403, 404, 409],
  }),
  trust: defineRoute({
    method: "GET",
    path: "/ingest/opcua/trust",
    tags,
    summary: "My firm's OPC UA client certificate (public) and the server certificates it trusts",
    response: opcuaTrustSchema,
    errors: [403],
  }),
  addTrust: defineRoute({
    method: "POST",
    path: "/ingest/opcua/trust",
    tags,
    summary: "Trust an OPC UA server certificate (PEM) for my firm's connections",
    body: trustCertificateBodySchema,
    response: trustedCertificateSchema,
    errors: [403, 409],
  }),
  removeTrust: defineRoute({
    method: "DELETE",
    path: "/ingest/opcua/trust/:id",
    tags,
    summary: "Remove a server certificate from my firm's OPC UA trust list",
    params: idParamsSchema,
    scope,
    response: okSchema,
    errors: [403, 404],
  }),
  serverCertificate: defineRoute({
    method: "POST",
    path: "/ingest/opcua/server-certificate",
    tags,
    summary:
      "Fetch an OPC UA server's certificate from its endpoint list (public discovery) so a firm can check its thumbprint and trust it",
    body: serverCertificateBodySchema,
    response: serverCertificateSchema,
    errors: [403, 409],
  }),
};
