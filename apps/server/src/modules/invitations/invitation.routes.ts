import {
  errorBodySchema,
  idParamsSchema,
  invitationAcceptRequestSchema,
  invitationCreatedSchema,
  invitationCreateRequestSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
  meResponseSchema,
} from "@clusterbrain/contracts";
import { requireActor } from "../../http/auth-hook.ts";
import { setSessionCookie } from "../../http/session-cookie.ts";
import type { FeatureModule } from "../module.ts";
import { InvitationService } from "./invitation.service.ts";

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/**
 * Invitations of MY org (create, list, withdraw), and the two public routes behind the link:
 * preview and accept (by the token, which is the only credential a new user has).
 */
export const invitationModule: FeatureModule = {
  name: "invitations",
  routes(app, deps) {
    const service = new InvitationService(deps.db, deps.security, deps.sessionSecret, deps.now, deps.caches);

    app.post(
      "/invitations",
      {
        schema: {
          tags: ["invitations"],
          summary: "Invite an email into my org with a role; the one-time link is shown once",
          body: invitationCreateRequestSchema,
          response: { 200: invitationCreatedSchema, ...errors },
        },
      },
      async (request) => service.create(requireActor(request), request.body),
    );

    app.get(
      "/invitations",
      {
        schema: {
          tags: ["invitations"],
          summary: "My org's invitations, newest first",
          response: { 200: invitationListSchema, ...errors },
        },
      },
      async (request) => service.list(requireActor(request)),
    );

    app.post(
      "/invitations/:id/revoke",
      {
        schema: {
          tags: ["invitations"],
          summary: "Withdraw a pending invitation of my org",
          params: idParamsSchema,
          response: { 200: invitationSchema, ...errors },
        },
      },
      async (request) => service.revoke(requireActor(request), request.params.id),
    );

    app.get(
      "/invitations/by-token/:token",
      {
        schema: {
          tags: ["invitations"],
          summary:
            "Public: what an invitation link offers (org, role, email); 409 when used, withdrawn or expired",
          params: invitationTokenParamsSchema,
          response: { 200: invitationPreviewSchema, ...errors },
        },
      },
      async (request) => service.preview(request.params.token),
    );

    app.post(
      "/invitations/by-token/:token/accept",
      {
        schema: {
          tags: ["invitations"],
          summary:
            "Accept: signed in with the invited email, or as a new user with a display name and password; signs in to the org",
          params: invitationTokenParamsSchema,
          body: invitationAcceptRequestSchema,
          response: { 200: meResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await service.accept(request.actor, request.params.token, request.body, {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? "",
          requestId: request.id,
        });
        setSessionCookie(reply, deps.security.secureCookies, result.sessionToken, result.expiresAt);
        return result.me;
      },
    );
  },
};
