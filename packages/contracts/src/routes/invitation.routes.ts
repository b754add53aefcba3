import { meResponseSchema } from "../auth.contract.ts";
import { idParamsSchema } from "../common.contract.ts";
import {
  invitationAcceptRequestSchema,
  invitationCreatedSchema,
  invitationCreateRequestSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
} from "../invitation.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["invitations"];

/**
 * Invitations of MY org (create, list, withdraw), and the two public routes behind the link. The
 * link's token is itself the credential and names no tenant, hence scope "shared".
 */
export const invitationRoutes = {
  create: defineRoute({
    method: "POST",
    path: "/invitations",
    tags,
    summary: "Invite an email into my org with a role; the one-time link is shown once",
    body: invitationCreateRequestSchema,
    response: invitationCreatedSchema,
    errors: [403, 409],
  }),
  list: defineRoute({
    method: "GET",
    path: "/invitations",
    tags,
    summary: "My org's invitations, newest first",
    response: invitationListSchema,
    errors: [403],
  }),
  revoke: defineRoute({
    method: "POST",
    path: "/invitations/:id/revoke",
    tags,
    summary: "Withdraw a pending invitation of my org",
    params: idParamsSchema,
    scope: { id: "own-org-record" },
    response: invitationSchema,
    errors: [403, 404, 409],
  }),
  preview: defineRoute({
    method: "GET",
    path: "/invitations/by-token/:token",
    auth: "public",
    tags,
    summary: "What an invitation link offers (org, role, email); 409 when used, withdrawn or expired",
    params: invitationTokenParamsSchema,
    scope: { token: "shared" },
    response: invitationPreviewSchema,
    errors: [404, 409],
  }),
  accept: defineRoute({
    method: "POST",
    path: "/invitations/by-token/:token/accept",
    auth: "public",
    tags,
    summary:
      "Accept: signed in with the invited email, or as a new user with a display name and password; signs in to the org",
    params: invitationTokenParamsSchema,
    scope: { token: "shared" },
    body: invitationAcceptRequestSchema,
    response: meResponseSchema,
    errors: [403, 404, 409],
  }),
};
