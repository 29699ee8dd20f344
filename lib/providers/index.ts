import "server-only";
import type { ProviderId } from "@/lib/catalog/schema";
import { simulatorAdapter } from "./simulator";
import type { ProviderAdapter } from "./types";

// Real providers get their adapters in the next step; until then they are
// listed in the catalog but refuse runs as "not available".
const adapters: Partial<Record<ProviderId, ProviderAdapter>> = {
  simulator: simulatorAdapter,
};

export function getAdapter(id: ProviderId): ProviderAdapter | undefined {
  return adapters[id];
}
