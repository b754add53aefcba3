import {
  type AnyRoute,
  type ClientInput,
  parseResult,
  type ResultOf,
  routeUrl,
} from "@clusterbrain/contracts";
import { ApiError } from "./api-error.ts";
import { request } from "./http.client.ts";

/**
 * Calls one declared route: the URL comes from its declared path and params, and the answer is
 * parsed with its response schema, so its type is the route's and a drifted server is caught
 * here rather than deep in a screen.
 */
export async function callRoute<R extends AnyRoute>(
  route: R,
  input: ClientInput<R>,
  signal?: AbortSignal,
): Promise<ResultOf<R>> {
  const writes = route.method !== "GET";
  const body = await request(route.method, routeUrl(route, input.params), {
    query: input.query,
    // Writes always send a JSON object, so the server's JSON parser (and CSRF check) apply.
    body: writes ? (input.body ?? {}) : undefined,
    signal,
  });
  const parsed = parseResult(route, body);
  if (!parsed.success) {
    throw new ApiError(
      0,
      "BAD_RESPONSE",
      `unexpected answer from ${route.method} ${route.path}`,
      parsed.error,
    );
  }
  return parsed.data;
}
