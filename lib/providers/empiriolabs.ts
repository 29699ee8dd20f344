import "server-only";
import { parseEmpirioLabsModel } from "@/lib/catalog/refresh/empiriolabs-model";
import { openAiCompatibleAdapter, readAmount } from "./openai-compatible-wire";

// EmpirioLabs: OpenAI-compatible; every model parameter (enable_thinking,
// thinking_budget, reasoning_effort, video_fps, tool_* switches,
// disable_formatting...) is a top-level body field. usage carries cost_usd and,
// when built-in tools ran, tool_usage (already included in cost_usd).
export const empiriolabsAdapter = openAiCompatibleAdapter("empiriolabs", {
  readReport: ({ usage }) => {
    const toolUsage = usage?.tool_usage;
    return {
      providerCostUsd: readAmount(usage?.cost_usd),
      toolUsage: toolUsage && typeof toolUsage === "object" ? (toolUsage as Record<string, number>) : undefined,
    };
  },
  statusWords: { 402: "not enough credits (payment required)" },
  // Each model has a page with its full parameter schema and prices.
  catalogSource: {
    kind: "model-pages",
    urls: (p, base) => p.offerings.map((o) => ({ url: `${base}/models/${encodeURIComponent(o.providerModelId)}`, offering: o })),
    parse: (json, o) => parseEmpirioLabsModel(json, o.params),
  },
});
