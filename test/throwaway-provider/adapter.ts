import { openAiCompatibleAdapter, readAmount } from "@/lib/providers/openai-compatible-wire";

// The one adapter file the throwaway provider needs: OpenAI-compatible, with
// its billed cost in usage.acme_cost and its own word for 402.
export const acmeAdapter = openAiCompatibleAdapter("acme", {
  readReport: ({ usage }) => ({ providerCostUsd: readAmount(usage?.acme_cost) }),
  statusWords: { 402: "the Acme balance is empty" },
});
