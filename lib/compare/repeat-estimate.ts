import type { Offering } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";
import { computeCost } from "@/lib/pricing/compute-cost";
import { estimateInputTokens, maxOutputTokens } from "@/lib/runs/worst-case-cost";

// What one repeat-mode run of a target is expected to cost, and on what basis.
// Every repeat run sends the one prompt (plus the system prompt) with no
// history, so the input is that prompt's tokens, never a column's last run's.

export type OutputBasis = "max_tokens" | "last_output" | "offering_max";

export type RepeatEstimate = {
  inputTokens: number;
  outputTokens: number;
  outputBasis: OutputBasis;
  /** null when the offering has no price. */
  perRunUsd: number | null;
};

const MAX_TOKEN_PARAMS = ["max_tokens", "max_completion_tokens", "max_output_tokens"];

/** The column's last run, if any: only a finished answer with output says how long an answer is. */
type LastAnswer = { status: string; outputTokens: number | null } | null;

export function estimateRepeatRun(
  target: { offering: Pick<Offering, "params" | "pricing" | "limits">; params: ParamValues; lastAnswer: LastAnswer },
  prompt: string,
  system: string,
): RepeatEstimate {
  const inputTokens = estimateInputTokens([{ parts: [{ type: "text", text: prompt }] }], system.trim() || undefined);
  const capped = MAX_TOKEN_PARAMS.some((name) => typeof target.params[name] === "number");
  // A failed or stopped answer's length (often 0) says nothing about the next one's: the estimate falls back to the most it can cost.
  const lastOutput = target.lastAnswer?.status === "done" && (target.lastAnswer.outputTokens ?? 0) > 0 ? target.lastAnswer.outputTokens! : null;
  const outputBasis: OutputBasis = capped ? "max_tokens" : lastOutput !== null ? "last_output" : "offering_max";
  const outputTokens = outputBasis === "last_output" ? lastOutput! : maxOutputTokens(target.offering, target.params);
  const perRunUsd = computeCost(target.offering.pricing, { inputTokens, outputTokens }).totalUsd;
  return { inputTokens, outputTokens, outputBasis, perRunUsd };
}

export const OUTPUT_BASIS_LABEL: Record<OutputBasis, string> = {
  max_tokens: "output at its max_tokens (the most it can cost)",
  last_output: "output as long as its last answer",
  offering_max: "output at the offering's default limit (the most it can cost)",
};
