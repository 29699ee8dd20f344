import { withoutLogprobs } from "./without-logprobs";

/** What a chat sends with every request to /api/runs besides its messages (conversation or compare ids ride along). */
export type RunRequestFields = { provider: string; model: string; params: Record<string, unknown>; system: string } & Record<string, unknown>;

/** The POST /api/runs body: the messages without their logprobs, and the system prompt only when it says something. */
export function runRequestBody<M extends object>(fields: RunRequestFields, messages: M[]): Record<string, unknown> {
  const { system, ...rest } = fields;
  return { ...rest, messages: messages.map(withoutLogprobs), ...(system.trim() ? { system } : {}) };
}
