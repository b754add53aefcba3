import {
  apiTokenListSchema,
  createApiTokenRequestSchema,
  createApiTokenResponseSchema,
  demoAccountsResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
} from "../auth.contract.ts";
import { idParamsSchema, okSchema } from "../common.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["auth"];

export const authRoutes = {
  login: defineRoute({
    method: "POST",
    path: "/auth/login",
    auth: "public",
    tags,
    summary: "Sign in with email and password; sets the session cookie",
    body: loginRequestSchema,
    response: loginResponseSchema,
    errors: [401, 403, 423, 429],
  }),
  demoAccounts: defineRoute({
    method: "GET",
    path: "/auth/demo-accounts",
    auth: "public",
    tags,
    summary: "Demo sign-ins for the login page; empty unless the server runs in development mode",
    response: demoAccountsResponseSchema,
  }),
  logout: defineRoute({
    method: "POST",
    path: "/auth/logout",
    tags,
    summary: "Sign out (ends the session)",
    response: okSchema,
  }),
  me: defineRoute({
    method: "GET",
    path: "/auth/me",
    tags,
    summary: "Who is signed in",
    response: meResponseSchema,
  }),
  listTokens: defineRoute({
    method: "GET",
    path: "/auth/tokens",
    tags,
    summary: "My API tokens",
    response: apiTokenListSchema,
  }),
  createToken: defineRoute({
    method: "POST",
    path: "/auth/tokens",
    tags,
    summary: "Create an API token (the secret is shown once)",
    body: createApiTokenRequestSchema,
    response: createApiTokenResponseSchema,
  }),
  revokeToken: defineRoute({
    method: "DELETE",
    path: "/auth/tokens/:id",
    tags,
    summary: "Revoke one of my API tokens",
    params: idParamsSchema,
    scope: { id: "own-user-record" },
    response: okSchema,
    errors: [404],
  }),
};
