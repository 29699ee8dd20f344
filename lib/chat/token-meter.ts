import type { Offering } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";
import { estimateInputTokens, maxOutputTokens, worstCaseCostUsd } from "@/lib/runs/worst-case-cost";

// What the next send will take before it is sent: tokens of the system
// prompt, the conversation so far, the message being typed and its
// attachments; the share of the offering's context window; and the most it
// can cost (input plus max output). No kept JavaScript library ships the
// Qwen tokenizer without downloading its vocabulary, so the counts are the
// budget guard's documented upper estimate (1 token per 3 bytes of text,
// 1,500 per image or video), and say so.

type Message = { parts?: { type?: unknown; text?: unknown }[] };

export type TokenMeter = {
  system: number;
  history: number;
  message: number;
  attachments: number;
  total: number;
  contextTokens: number;
  /** total + max output, over the context window (can pass 1). */
  contextShare: number;
  maxOutputTokens: number;
  /** null when the offering has no price. */
  worstCaseUsd: number | null;
};

export function tokenMeter(input: { system: string; history: Message[]; text: string; attachmentCount: number; offering: Offering; params: ParamValues }): TokenMeter {
  const system = input.system.trim() ? estimateInputTokens([], input.system) : 0;
  const history = estimateInputTokens(input.history);
  const message = input.text ? estimateInputTokens([{ parts: [{ type: "text", text: input.text }] }]) : 0;
  const attachments = estimateInputTokens([{ parts: Array.from({ length: input.attachmentCount }, () => ({ type: "file" })) }]);
  const total = system + history + message + attachments;
  const maxOutput = maxOutputTokens(input.offering, input.params);
  const contextTokens = input.offering.limits.contextTokens;
  return {
    system,
    history,
    message,
    attachments,
    total,
    contextTokens,
    contextShare: (total + maxOutput) / contextTokens,
    maxOutputTokens: maxOutput,
    worstCaseUsd: worstCaseCostUsd(input.offering, input.params, total),
  };
}
