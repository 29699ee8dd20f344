import type { z } from "zod";
import { AppError } from "./app-error";

/** The parsed value, or an AppError(400) whose message and field name the first problem. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, code = "invalid_request"): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || undefined;
  throw new AppError(400, code, field ? `${field}: ${issue?.message ?? "invalid"}` : (issue?.message ?? "invalid request"), field);
}
