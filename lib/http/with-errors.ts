import { AppError } from "./app-error";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: AppError -> its JSON, anything else -> a plain 500
 * (never a stack trace). `respond` writes the body (the gateway writes OpenAI's shape).
 */
export function withErrors<C>(handler: Handler<C>, respond: (error: AppError) => Response = (error) => error.toResponse()): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return respond(error);
      // "[500]" is what the e2e suite looks for in the server log: any such line fails it.
      console.error(`[500] [${request.method} ${new URL(request.url).pathname}]`, error instanceof Error ? error.message : error);
      return respond(new AppError("internal_error", "Something went wrong on the server."));
    }
  };
}

/** A JSON body within a size and nesting limit; small by default. */
export { readJsonBody as readJson } from "./read-json-body";
