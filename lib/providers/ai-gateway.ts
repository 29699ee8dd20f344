import "server-only";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";

// Vercel AI Gateway's OpenAI-compatible surface (/v1/chat/completions):
// `reasoning` and the routing `providerOptions` are body fields.
export const aiGatewayAdapter = openAiCompatibleAdapter("ai-gateway", {
  statusWords: { 402: "out of credits", 403: "access forbidden by a gateway rule" },
});
