import { z } from "zod";
import { providerIdSchema } from "@/lib/catalog/schema";
import { withoutLogprobs } from "@/lib/chat/without-logprobs";

const uiPartSchema = z.looseObject({ type: z.string().min(1) });

const uiMessageSchema = z
  .looseObject({
    id: z.string().optional(),
    role: z.enum(["system", "user", "assistant"]),
    parts: z.array(uiPartSchema),
  })
  .transform(withoutLogprobs);

export const runRequestSchema = z.object({
  provider: providerIdSchema,
  model: z.string().min(1, "model is required"),
  messages: z.array(uiMessageSchema).min(1, "at least one message is required"),
  params: z.record(z.string(), z.unknown()).default({}),
  system: z.string().max(200_000).optional(),
  compareGroupId: z.string().min(1).max(100).optional(),
  /** The comparison column (0-based, left to right) the run was sent from. */
  compareColumn: z.number().int().min(0).max(5).optional(),
  /** The playground conversation the run belongs to (any id the browser picks); groups runs in the conversation list. */
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "conversationId is letters, digits, _ and -").optional(),
});

export type RunRequest = z.infer<typeof runRequestSchema>;
