import "server-only";
import type { ProviderId } from "@/lib/catalog/schema";
import { aiGatewayAdapter } from "./ai-gateway";
import { dashscopeAdapter } from "./dashscope";
import { empiriolabsAdapter } from "./empiriolabs";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { openrouterAdapter } from "./openrouter";
import { segmindAdapter } from "./segmind";
import { simulatorAdapter } from "./simulator";
import type { ProviderAdapter } from "./types";

const adapters: Record<ProviderId, ProviderAdapter> = {
  simulator: simulatorAdapter,
  empiriolabs: empiriolabsAdapter,
  openrouter: openrouterAdapter,
  "ai-gateway": aiGatewayAdapter,
  segmind: segmindAdapter,
  dashscope: dashscopeAdapter,
  "openai-compatible": openaiCompatibleAdapter,
};

export function getAdapter(id: ProviderId): ProviderAdapter {
  return adapters[id];
}
