import type { AppError } from "@/lib/http/app-error";
import { withErrors } from "@/lib/http/with-errors";

// Errors on /api/v1 in OpenAI's shape, so the official clients raise their
// usual typed errors: { error: { message, type, param, code } }.

const TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "invalid_request_error",
  409: "invalid_request_error",
  413: "invalid_request_error",
  415: "invalid_request_error",
  429: "rate_limit_error",
};

export function openAiErrorResponse(status: number, message: string, code: string | null, param: string | null = null, headers?: Record<string, string>): Response {
  return Response.json({ error: { message, type: TYPES[status] ?? (status >= 500 ? "server_error" : "invalid_request_error"), param, code } }, { status, headers });
}

function toOpenAiError(error: AppError): Response {
  return openAiErrorResponse(error.status, error.message, error.code, error.field ?? null, error.headers);
}

export function withOpenAiErrors<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return withErrors(handler, toOpenAiError);
}

/** An /api/v1 path no route serves, as OpenAI answers one. */
export async function unknownGatewayRoute(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return openAiErrorResponse(404, `Invalid URL (${request.method} ${url.pathname.slice(0, 200)})`, "unknown_url");
}
