import { idParamsSchema } from "../common.contract.ts";
import {
  traceChainExportSchema,
  traceCheckpointListSchema,
  traceCheckpointSchema,
  traceEventCreateSchema,
  traceEventListQuerySchema,
  traceEventListSchema,
  traceEventSchema,
  traceKeyListSchema,
  traceRecallQuerySchema,
  traceRecallSchema,
} from "../trace.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["trace"];

/** MY org's traceability chain: signed lot events, keys, export, recall and anchored checkpoints. */
export const traceRoutes = {
  events: defineRoute({
    method: "GET",
    path: "/trace/events",
    tags,
    summary: "My org's lot events, newest first (optionally about one lot or device)",
    query: traceEventListQuerySchema,
    response: traceEventListSchema,
  }),
  append: defineRoute({
    method: "POST",
    path: "/trace/events",
    tags,
    summary: "Append a lot event to my org's chain, hashed and signed with my org's key",
    body: traceEventCreateSchema,
    response: traceEventSchema,
    errors: [403, 404],
  }),
  keys: defineRoute({
    method: "GET",
    path: "/trace/keys",
    tags,
    summary: "My org's public signing keys (private keys are never returned)",
    response: traceKeyListSchema,
  }),
  rotateKey: defineRoute({
    method: "POST",
    path: "/trace/keys/rotate",
    tags,
    summary: "Start a new signing key; events from now on are signed with it",
    response: traceKeyListSchema,
    errors: [403],
  }),
  export: defineRoute({
    method: "GET",
    path: "/trace/export",
    tags,
    summary:
      "My org's whole chain with public keys, checkpoints and a signed head, for `clusterbrain verify`",
    response: traceChainExportSchema,
  }),
  recall: defineRoute({
    method: "GET",
    path: "/trace/recall",
    tags,
    summary:
      "Every device, shipment and hospital downstream of a lot (forward), or every component lot upstream (backward)",
    query: traceRecallQuerySchema,
    response: traceRecallSchema,
    errors: [404],
  }),
  checkpoints: defineRoute({
    method: "GET",
    path: "/trace/checkpoints",
    tags,
    summary: "Checkpoints of my org's chain (the operator: every org's, to countersign)",
    response: traceCheckpointListSchema,
  }),
  checkpoint: defineRoute({
    method: "POST",
    path: "/trace/checkpoints",
    tags,
    summary: "Sign my org's chain head as a checkpoint for the operator to countersign",
    response: traceCheckpointSchema,
    errors: [403, 409],
  }),
  countersign: defineRoute({
    method: "POST",
    path: "/trace/checkpoints/:id/countersign",
    tags,
    summary: "The operator countersigns a checkpoint (anchors the chain head)",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: traceCheckpointSchema,
    errors: [403, 404, 409],
  }),
};
