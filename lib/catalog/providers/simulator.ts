import type { ProviderCatalogInput } from "../schema";
import { empiriolabs } from "./empiriolabs";

// The built-in simulator: an OpenAI-compatible endpoint served by this app, so
// the whole product works with no key and no network. Its prices mirror the
// EmpirioLabs list price of the same model so the cost shown is what the run
// would cost there; nothing is billed.
const source = { url: "README.md#simulator", checkedAt: "2026-11-23", note: "Built into this app." };

type ParamInput = Extract<ProviderCatalogInput["offerings"][number]["params"][number], object>;

const sharedParams: ParamInput[] = [
  { name: "temperature", type: "number", default: 0.7, min: 0, max: 2, description: "Accepted and echoed back; the simulator's text depends only on seed and input." },
  { name: "top_p", type: "number", default: 0.9, min: 0, max: 1, description: "Accepted and echoed back." },
  { name: "max_tokens", type: "integer", default: 4096, min: 1, max: 32768, description: "Maximum answer tokens; the answer is cut with finish_reason=length." },
  { name: "stop", type: "string_list", maxItems: 4, description: "Up to 4 strings; the answer ends before the first one it contains." },
  { name: "seed", type: "integer", default: 0, min: 0, max: 2147483647, description: "Same seed + same input = same output." },
  { name: "enable_thinking", type: "boolean", default: true, description: "Stream reasoning before the answer (Qwen3.5 thinks by default)." },
  { name: "thinking_budget", type: "integer", default: 4096, min: 1, max: 81920, description: "Maximum reasoning tokens." },
  { name: "tools", type: "array", wire: "tools", description: "OpenAI-style function tools; the simulator calls the first one when the message asks for it.", example: '[{ "type": "function", "function": { "name": "get_weather", "parameters": { "type": "object", "properties": { "city": { "type": "string" } } } } }]' },
  { name: "tool_choice", type: "object_or_string", description: "auto, none, required or a named function.", example: '"auto"' },
  { name: "response_format", type: "object", description: "json_object, or json_schema: the answer is JSON that matches the schema (deterministic from the seed).", example: '{ "type": "json_object" }' },
  { name: "logprobs", type: "boolean", default: false, description: "Return each answer token's log probability (deterministic, made up by the simulator)." },
  { name: "top_logprobs", type: "integer", min: 0, max: 20, description: "How many most likely alternatives to return at each position (needs logprobs)." },
  { name: "video_fps", type: "number", default: 2, min: 0.1, max: 10, description: "Frames per second the simulator says it would sample from a video." },
  { name: "sim_ttft_ms", type: "integer", default: 250, min: 0, max: 60000, description: "Simulator knob: time to first token in milliseconds." },
  { name: "sim_tokens_per_second", type: "number", default: 80, min: 1, max: 100000, description: "Simulator knob: streaming rate in tokens per second." },
];

function mirrorPricing(providerModelId: string) {
  const offering = empiriolabs.offerings.find((o) => o.providerModelId === providerModelId);
  if (!offering?.pricing) throw new Error(`no EmpirioLabs price for ${providerModelId}`);
  return {
    ...offering.pricing,
    source: { ...offering.pricing.source, note: `Simulated: EmpirioLabs list price of ${providerModelId}; nothing is billed.` },
  };
}

export const simulator: ProviderCatalogInput = {
  id: "simulator",
  name: "Simulator",
  description: "Built-in offline simulator (OpenAI-compatible, served by this app). No key, no network.",
  keyEnv: null,
  baseUrlEnv: "SIMULATOR_BASE_URL",
  defaultBaseUrl: null,
  builtIn: true,
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "qwen3.5-flash",
      label: "Qwen3.5 Flash (simulated)",
      limits: { contextTokens: 1_000_000, maxOutputTokens: 32_768 },
      capabilities: {
        inputModalities: ["text", "image", "video"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: false,
        features: ["simulated"],
      },
      params: sharedParams,
      pricing: mirrorPricing("qwen3-5-flash"),
      source,
    },
    {
      modelId: "qwen3.5-4b",
      providerModelId: "qwen3.5-4b",
      label: "Qwen3.5 4B (simulated)",
      limits: { contextTokens: 256_000, maxOutputTokens: 32_768 },
      capabilities: {
        inputModalities: ["text", "image", "video"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: false,
        features: ["simulated"],
      },
      params: sharedParams,
      pricing: mirrorPricing("qwen3-5-4b"),
      source,
    },
  ],
};
