/** An error meant for the client: a stable code, a plain message, an optional field. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } },
      { status: this.status, headers: this.headers },
    );
  }
}
