import "server-only";
import { parseOpenRouterModels } from "@/lib/catalog/refresh/openrouter-models";
import { readSecret } from "@/lib/env";
import { openAiCompatibleAdapter, readAmount } from "./openai-compatible-wire";
import { reasoningFromDetails } from "./reasoning-from-details";

// OpenRouter: OpenAI-compatible with a `reasoning` object in the body,
// optional attribution headers, and the billed cost in usage.cost.
export const openrouterAdapter = openAiCompatibleAdapter("openrouter", {
  headers: (env) => {
    const headers: Record<string, string> = {};
    const referer = readSecret("OPENROUTER_HTTP_REFERER", env);
    const title = readSecret("OPENROUTER_X_TITLE", env);
    if (referer) headers["HTTP-Referer"] = referer;
    if (title) headers["X-Title"] = title;
    return headers;
  },
  readReport: ({ usage }) => ({ providerCostUsd: readAmount(usage?.cost) }),
  rewriteEvent: reasoningFromDetails,
  catalogSource: { kind: "model-pages", urls: (_p, base) => [{ url: `${base}/models` }], parse: (json, o) => parseOpenRouterModels(json, o.providerModelId) },
  statusWords: {
    402: "out of credits",
    403: "the input was flagged by moderation",
    408: "the request timed out",
    502: "the model is down or returned a bad response",
    503: "no provider matches the routing",
  },
});
