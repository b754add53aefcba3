import type { ErrorCode, FieldIssue } from "@clusterbrain/contracts";

/** Base of every typed error; the app's error handler is the one place that maps them to HTTP. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly status: number;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = "VALIDATION_FAILED";
  readonly status = 400;
  constructor(message: string, issues: FieldIssue[]) {
    super(message, issues);
  }
  /** One field, one reason: the message names the field so a form can show it as is. */
  static field(path: string, message: string): ValidationError {
    return new ValidationError(`${path}: ${message}`, [{ path, message }]);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = "UNAUTHENTICATED";
  readonly status = 401;
  constructor(message = "sign in required") {
    super(message);
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = "INVALID_CREDENTIALS";
  readonly status = 401;
  constructor() {
    super("email or password is wrong");
  }
}

export class AccountLockedError extends DomainError {
  readonly code = "ACCOUNT_LOCKED";
  readonly status = 423;
  constructor(readonly until: Date) {
    super(`account locked after repeated failed sign-ins; try again after ${until.toISOString()}`, {
      lockedUntil: until.toISOString(),
    });
  }
}

export class CsrfError extends DomainError {
  readonly code = "CSRF_FAILED";
  readonly status = 403;
  constructor() {
    super("missing or wrong x-csrf-token header for a cookie-authenticated write");
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  readonly status = 403;
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  readonly status = 404;
  constructor(entity: string, id?: string) {
    super(id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
  readonly status = 409;
}

/**
 * The slot is taken: a pending or approved booking of the same resource overlaps the requested
 * time range. Raised from the database's exclusion constraint (db-errors.ts), so it holds for
 * concurrent requests too.
 */
export class BookingOverlapError extends DomainError {
  readonly code = "BOOKING_OVERLAP";
  readonly status = 409;
  constructor(constraint: string | null) {
    super("this time slot overlaps a pending or approved booking of the same resource; pick another slot", {
      reason: "BOOKING_OVERLAP",
      constraint,
    });
  }
}

export class RateLimitedError extends DomainError {
  readonly code = "RATE_LIMITED";
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

/** The path exists under another method; the handler adds the `Allow` header. */
export class MethodNotAllowedError extends DomainError {
  readonly code = "METHOD_NOT_ALLOWED";
  readonly status = 405;
  constructor(
    method: string,
    path: string,
    readonly allowed: string[],
  ) {
    super(`${method} is not allowed on ${path}; use ${allowed.join(", ")}`, { allowed });
  }
}

export class UriTooLongError extends DomainError {
  readonly code = "URI_TOO_LONG";
  readonly status = 414;
  constructor(limit: number) {
    super(`the URL is longer than ${limit} characters`, { limit });
  }
}

/** Load shedding: the process is past its event-loop or heap limit and refuses new work for now. */
export class OverloadedError extends DomainError {
  readonly code = "OVERLOADED";
  readonly status = 503;
  constructor() {
    super("the server is overloaded; retry after the Retry-After delay");
  }
}

/** The database does not answer (connection refused or lost, shutting down, starting up). */
export class DatabaseUnavailableError extends DomainError {
  readonly code = "DATABASE_UNAVAILABLE";
  readonly status = 503;
  readonly retryAfterSeconds = 5;
  constructor() {
    super("the database cannot be reached right now; retry after the Retry-After delay");
  }
}
