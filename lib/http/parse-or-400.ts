import type { z } from "zod";
import { AppError } from "./app-error";
import type { ErrorCode } from "./error-codes";

/** The parsed value, or an AppError(400) whose message and field name the first problem (after `what`, when given). */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, code: ErrorCode = "invalid_request", what?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const problem = field ? `${field}: ${issue?.message ?? "invalid"}` : (issue?.message ?? "invalid request");
  throw new AppError(code, what ? `${what}: ${problem}` : problem, field);
}
