import type { Socket } from "node:net";
import { type AnyRoute, API_PREFIX, declaredRoutes, ERROR_CODES, routeTable } from "@clusterbrain/contracts";
import type { FastifyRequest } from "fastify";
import { MethodNotAllowedError, UriTooLongError } from "../errors/index.ts";

/** Longest URL (path and query) we look at; longer ones get 414 before routing does any work. */
export const MAX_URL_LENGTH = 8 * 1024;

/** onRequest hook for the whole app: refuse over-long URLs with the one error shape. */
export async function refuseLongUrls(request: FastifyRequest): Promise<void> {
  if (request.url.length > MAX_URL_LENGTH) throw new UriTooLongError(MAX_URL_LENGTH);
}

function matcher(route: AnyRoute): RegExp {
  const pattern = route.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+");
  return new RegExp(`^${API_PREFIX}${pattern}/?$`);
}
const MATCHERS = declaredRoutes(routeTable).map((d) => ({ method: d.route.method, re: matcher(d.route) }));

/**
 * Called before the 404 answer: a path the route table knows under other methods is a 405
 * (with `Allow`), not a 404.
 */
export function refuseOtherMethods(request: FastifyRequest): void {
  const path = request.url.split("?")[0];
  if (!path.startsWith(`${API_PREFIX}/`)) return;
  const allowed: string[] = [...new Set(MATCHERS.filter((m) => m.re.test(path)).map((m) => m.method))];
  if (allowed.length === 0) return;
  if (allowed.includes("GET")) allowed.push("HEAD");
  throw new MethodNotAllowedError(request.method, path, allowed);
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (headers too large, a request
 * that is not HTTP): answered in the one error shape instead of Fastify's default body.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, text, code, message] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE", "request headers are too large"]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "BAD_REQUEST", "the request took too long to arrive"]
        : [400, "Bad Request", "BAD_REQUEST", "malformed HTTP request"];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** errorBodySchema as OpenAPI (written out: the swagger options want OpenAPI's own schema type). */
const errorJson = {
  type: "object" as const,
  required: ["error"],
  properties: {
    error: {
      type: "object" as const,
      required: ["code", "message"],
      properties: {
        code: { type: "string" as const, enum: [...ERROR_CODES] },
        message: { type: "string" as const },
        details: {},
      },
    },
  },
};
function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: errorJson } } };
}

/**
 * Answers no single operation can list (they happen where no route matched, or before routing):
 * documented once under `components.responses`, in the same error shape.
 */
export const FRAMEWORK_ERROR_RESPONSES = {
  NotFound: errorResponse("404 NOT_FOUND: no route for this method and path"),
  MethodNotAllowed: errorResponse("405 METHOD_NOT_ALLOWED: the path exists under other methods (see Allow)"),
  UriTooLong: errorResponse(`414 URI_TOO_LONG: the URL is longer than ${MAX_URL_LENGTH} characters`),
  HeadersTooLarge: errorResponse("431 HEADERS_TOO_LARGE: request headers over the server's limit"),
  BadRequest: errorResponse("400 BAD_REQUEST: malformed HTTP request or URL"),
};
