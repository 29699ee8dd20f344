import { APICallError } from "ai";

export type RunError = { code: string; message: string };

function statusWords(status: number): string {
  if (status === 400) return "bad request";
  if (status === 401) return "the API key was refused";
  if (status === 402) return "payment required (out of credits)";
  if (status === 403) return "access denied";
  if (status === 404) return "model or endpoint not found";
  if (status === 408) return "the request timed out";
  if (status === 429) return "rate limited";
  if (status >= 500) return "the provider had a server error";
  return "the request failed";
}

/** Turn any upstream failure into plain words naming the provider; never a stack trace or a key. */
export function describeError(error: unknown, providerName: string): RunError {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) return { code: "upstream_unreachable", message: `${providerName}: could not reach the provider (${error.message}).` };
    const detail = error.message && error.message !== String(status) ? `: ${error.message}` : "";
    return { code: `upstream_${status}`, message: `${providerName}: ${statusWords(status)} (HTTP ${status})${detail}` };
  }
  if (error instanceof Error) {
    if (error.name === "AbortError") return { code: "aborted", message: `${providerName}: the request was stopped.` };
    return { code: "upstream_error", message: `${providerName}: ${error.message}` };
  }
  return { code: "upstream_error", message: `${providerName}: ${String(error)}` };
}
