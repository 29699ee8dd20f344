import type { PlaygroundMessage } from "./message-item";

/** Our API answers errors as { error: { code, message } }; the transport hands us that body as text. */
function readableError(error: Error | undefined): string | null {
  if (!error) return null;
  try {
    const body = JSON.parse(error.message) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    /* not JSON: a stream error message */
  }
  return error.message;
}

/**
 * The chat's error, unless the run it belongs to already shows it in its stats:
 * once a run has begun (its answer carries a run id), the recorded error is shown
 * there, once. Errors before any run (a refused request, a budget) stay here.
 */
export function chatErrorToShow(error: Error | undefined, messages: PlaygroundMessage[]): string | null {
  const last = messages.at(-1);
  if (last?.role === "assistant" && last.metadata?.runId) return null;
  return readableError(error);
}
