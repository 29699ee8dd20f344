import { ERROR_STATUS, type ErrorCode } from "./error-codes";

/** An error meant for the client: a stable code (its status comes from the one table), a plain message, an optional field. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } },
      { status: this.status, headers: this.headers },
    );
  }
}
