import { z } from "zod";
import { providerIdSchema } from "@/lib/catalog/schema";
import type { UIMessage } from "ai";

/** The request's outer shape; each message is checked by the AI SDK's own schema (readUIMessages in read-ui-messages.ts). */
export const runRequestSchema = z.object({
  provider: providerIdSchema,
  model: z.string().min(1, "model is required"),
  messages: z.array(z.unknown()).min(1, "at least one message is required"),
  params: z.record(z.string(), z.unknown()).default({}),
  system: z.string().max(200_000).optional(),
  compareGroupId: z.string().min(1).max(100).optional(),
  /** The comparison column (0-based, left to right) the run was sent from. */
  compareColumn: z.number().int().min(0).max(5).optional(),
  /** The playground conversation the run belongs to (any id the browser picks); groups runs in the conversation list. */
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "conversationId is letters, digits, _ and -").optional(),
});

export type RunRequest = Omit<z.infer<typeof runRequestSchema>, "messages"> & { messages: UIMessage[] };
