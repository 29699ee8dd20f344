import "server-only";
import { parseAiGatewayModels } from "@/lib/catalog/refresh/ai-gateway-models";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";
import { reasoningFromDetails } from "./reasoning-from-details";

// Vercel AI Gateway's OpenAI-compatible surface (/v1/chat/completions):
// `reasoning` and the routing `providerOptions` are body fields.
export const aiGatewayAdapter = openAiCompatibleAdapter("ai-gateway", {
  statusWords: { 402: "out of credits", 403: "access forbidden by a gateway rule" },
  rewriteEvent: reasoningFromDetails,
  catalogSource: { kind: "model-pages", urls: (_p, base) => [{ url: `${base}/models` }], parse: (json, o) => parseAiGatewayModels(json, o.providerModelId) },
});
