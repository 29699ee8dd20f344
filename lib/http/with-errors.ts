import { AppError } from "./app-error";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler: AppError -> its JSON, anything else -> a plain 500 (never a stack trace). */
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return error.toResponse();
      console.error(`[${request.method} ${new URL(request.url).pathname}]`, error instanceof Error ? error.message : error);
      return new AppError(500, "internal_error", "Something went wrong on the server.").toResponse();
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError(400, "invalid_json", "The request body must be valid JSON.");
  }
}
