import type { Offering } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";
import { computeCost } from "@/lib/pricing/compute-cost";

// The most a call can cost, reserved against budgets before it starts.
// Input tokens are over-estimated on purpose (a hard cap must not be
// overshot): one token per 3 bytes of text, and 1,500 tokens per image or
// video attachment. Output is the call's max_tokens, else the offering's
// default for it, else its output limit.

const BYTES_PER_TOKEN_ESTIMATE = 3;
const TOKENS_PER_ATTACHMENT_ESTIMATE = 1500;
const FALLBACK_MAX_OUTPUT = 32_768;

type Part = { type?: unknown; text?: unknown };

// Runs in the browser too (repeat mode's estimate), so no Buffer.
const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).byteLength;

export function estimateInputTokens(messages: { parts?: Part[] }[], system?: string): number {
  let bytes = utf8Bytes(system ?? "");
  let attachments = 0;
  for (const message of messages) {
    for (const part of message.parts ?? []) {
      if (part.type === "file") attachments++;
      else bytes += utf8Bytes(typeof part.text === "string" ? part.text : (JSON.stringify(part) ?? ""));
    }
  }
  return Math.ceil(bytes / BYTES_PER_TOKEN_ESTIMATE) + attachments * TOKENS_PER_ATTACHMENT_ESTIMATE;
}

export function maxOutputTokens(offering: Pick<Offering, "params" | "limits">, params: ParamValues): number {
  for (const name of ["max_tokens", "max_completion_tokens", "max_output_tokens"]) {
    const value = params[name];
    if (typeof value === "number" && value > 0) return value;
  }
  const spec = offering.params.find((p) => p.name === "max_tokens" || p.name === "max_completion_tokens");
  const fallback = spec && "default" in spec && typeof spec.default === "number" ? spec.default : undefined;
  return fallback ?? offering.limits?.maxOutputTokens ?? FALLBACK_MAX_OUTPUT;
}

/** null when the offering has no price (then no capped budget can admit it). */
export function worstCaseCostUsd(offering: Offering, params: ParamValues, inputTokens: number): number | null {
  return computeCost(offering.pricing, { inputTokens, outputTokens: maxOutputTokens(offering, params) }).totalUsd;
}
