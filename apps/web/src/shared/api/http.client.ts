import { ApiError, toApiError } from "./api-error.ts";

/** Header and cookie the server uses for CSRF protection on cookie-authenticated writes (docs/api.md). */
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_COOKIE = "cb_csrf";

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token the server handed out with the session (login or session lookup). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Lets the app react to an expired session (HTTP 401) once, centrally, instead of on every screen. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Reads a cookie by name from a `document.cookie`-style string. */
export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Serialises a query object, dropping empty values; arrays repeat the key (`a=1&a=2`). */
export function toQueryString(query: object | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s === "" ? "" : `?${s}`;
}

function currentCsrf(): string | null {
  if (csrfToken !== null) return csrfToken;
  return typeof document === "undefined" ? null : readCookie(document.cookie, CSRF_COOKIE);
}

export interface RequestOptions {
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One JSON request to the API; non-2xx answers become an ApiError with the server's code and
 * message. The answer is `unknown`: callers parse it with the route's response schema.
 */
export async function request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD") {
    const token = currentCsrf();
    if (token !== null) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", cause instanceof Error ? cause.message : String(cause));
  }
  const text = await res.text();
  let body: unknown = null;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && onUnauthorized !== null) onUnauthorized();
    throw toApiError(res.status, body, res.statusText);
  }
  return body;
}
