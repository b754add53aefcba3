/** The server's error envelope: `{ error: { code, message, details } }` (docs/api.md). */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A failed API call, carrying the server's own code and message so the UI can show them verbatim. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True when a parsed JSON body has the `{error:{code,message}}` shape. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  return typeof value.error.code === "string" && typeof value.error.message === "string";
}

/** Builds an ApiError from a response status and whatever body came back (JSON or not). */
export function toApiError(status: number, body: unknown, statusText: string): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.details);
  return new ApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

export interface FieldProblem {
  field: string;
  message: string;
  /** The server's message key and parameters, for saying it in the chosen language. */
  key?: string;
  params?: Record<string, string | number>;
}

function paramsOf(value: unknown): Record<string, string | number> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}

/** The form field a problem belongs to: the first segment of its path ("products.0.zh" → "products"). */
function fieldOf(path: unknown): string | null {
  const first = Array.isArray(path) ? path[0] : typeof path === "string" ? path.split(".")[0] : undefined;
  return first === undefined || first === "" ? null : String(first);
}

/**
 * Field-level problems in an error's details, for putting messages on form fields. The server
 * sends `FieldIssue[]` (`{path: "uscc", message}`, docs/api.md); raw zod issues (`path` as an
 * array) and `{fields:{name: message}}` are read too.
 */
export function fieldProblems(details: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  const fromIssue = (issue: unknown) => {
    if (!isRecord(issue) || typeof issue.message !== "string") return;
    const field = fieldOf(issue.path ?? issue.field);
    if (field !== null)
      out.push({
        field,
        message: issue.message,
        ...(typeof issue.key === "string" ? { key: issue.key } : {}),
        ...(paramsOf(issue.params) ? { params: paramsOf(issue.params) } : {}),
      });
  };
  if (Array.isArray(details)) details.forEach(fromIssue);
  else if (isRecord(details)) {
    if (Array.isArray(details.issues)) details.issues.forEach(fromIssue);
    if (isRecord(details.fields)) {
      for (const [field, message] of Object.entries(details.fields)) {
        if (typeof message === "string") out.push({ field, message });
      }
    }
    fromIssue(details);
  }
  return out;
}
