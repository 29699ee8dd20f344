import { randomUUID } from "node:crypto";
import { safeValidateUIMessages, TypeValidationError, type UIMessage } from "ai";
import { withoutLogprobs } from "@/lib/chat/without-logprobs";
import { AppError } from "@/lib/http/app-error";

type Issue = { path?: PropertyKey[]; message?: string };

/** The first problem and where it is (messages.0.parts.1.text), without echoing the whole conversation back. */
function firstProblem(error: Error): { field: string; message: string } {
  const cause = TypeValidationError.isInstance(error) ? error.cause : error;
  const issue = (cause as { issues?: Issue[] } | undefined)?.issues?.[0];
  if (!issue) return { field: "messages", message: `messages: ${cause instanceof Error ? cause.message : error.message}` };
  const field = ["messages", ...(issue.path ?? []).map(String)].join(".");
  return { field, message: `${field}: ${issue.message ?? "invalid"}` };
}

/**
 * Checks messages against the AI SDK's own UI message schema (safeValidateUIMessages) and
 * drops any logprobs a client sent back. A message without an id gets one: the SDK's
 * schema wants ids, and hand-written clients leave them out.
 */
export async function readUIMessages(raw: unknown[]): Promise<UIMessage[]> {
  const withIds = raw.map((m) => (m && typeof m === "object" && !("id" in m) ? { id: randomUUID(), ...m } : m));
  const result = await safeValidateUIMessages<UIMessage>({ messages: withIds });
  if (!result.success) {
    const problem = firstProblem(result.error);
    throw new AppError("invalid_request", problem.message, problem.field);
  }
  return result.data.map(withoutLogprobs);
}
