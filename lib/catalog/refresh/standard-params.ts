import type { ParamSpec } from "../schema";

// Specs for common Chat Completions parameters, used when a provider's model
// list names a parameter (OpenRouter, AI Gateway) that our data lacks.
// Ranges from https://openrouter.ai/docs/api-reference/parameters.
export const STANDARD_PARAMS: Record<string, ParamSpec> = {
  temperature: { name: "temperature", type: "number", min: 0, max: 2, description: "Sampling temperature.", required: false, wire: "body" },
  top_p: { name: "top_p", type: "number", min: 0, max: 1, description: "Nucleus sampling probability mass.", required: false, wire: "body" },
  top_k: { name: "top_k", type: "integer", min: 0, description: "Sample only from the K most likely tokens.", required: false, wire: "body" },
  min_p: { name: "min_p", type: "number", min: 0, max: 1, description: "Minimum probability relative to the most likely token.", required: false, wire: "body" },
  max_tokens: { name: "max_tokens", type: "integer", min: 1, description: "Maximum number of tokens to generate.", required: false, wire: "body" },
  frequency_penalty: { name: "frequency_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens by how often they appeared.", required: false, wire: "body" },
  presence_penalty: { name: "presence_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens that already appeared.", required: false, wire: "body" },
  repetition_penalty: { name: "repetition_penalty", type: "number", min: 0, max: 2, description: "Reduce repetition of tokens from the input.", required: false, wire: "body" },
  seed: { name: "seed", type: "integer", description: "Seed for deterministic sampling.", required: false, wire: "body" },
  stop: { name: "stop", type: "string_list", maxItems: 4, description: "Up to 4 sequences where generation stops.", required: false, wire: "body" },
  logprobs: { name: "logprobs", type: "boolean", description: "Return log probabilities of the output tokens.", required: false, wire: "body" },
  top_logprobs: { name: "top_logprobs", type: "integer", min: 0, max: 20, description: "How many most likely tokens to return at each position.", required: false, wire: "body" },
  logit_bias: { name: "logit_bias", type: "object", description: "Bias token IDs by adding values before sampling.", required: false, wire: "body" },
  response_format: { name: "response_format", type: "object", description: "Force a specific output format (JSON mode or schema).", required: false, wire: "body" },
  tools: { name: "tools", type: "array", description: "OpenAI-style function tool definitions.", required: false, wire: "tools" },
  tool_choice: { name: "tool_choice", type: "object_or_string", description: "Which tool the model must call.", required: false, wire: "body" },
  reasoning: { name: "reasoning", type: "object", description: "Reasoning controls: enabled, effort or max_tokens, exclude.", required: false, wire: "body" },
};
