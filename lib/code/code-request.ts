import type { Offering, ProviderCatalog } from "@/lib/catalog/schema";
import { deliveryFor } from "@/lib/uploads/delivery";
import { toCodeMessages, type CodeRequest } from "./generate-code";

type UiMessage = { role: string; parts: { type: string; text?: string; mediaType?: string; url?: string }[] };

/** The code request for a provider offering, parameters and messages. The simulator's endpoint is this app's (null). */
export function codeRequestFor(
  provider: Pick<ProviderCatalog, "id" | "keyEnv" | "defaultBaseUrl" | "api" | "builtIn"> & { serverUrl?: string },
  offering: Pick<Offering, "providerModelId" | "params" | "capabilities">,
  params: Record<string, unknown>,
  messages: UiMessage[],
  system?: string | null,
): Omit<CodeRequest, "baseUrl"> & { baseUrl: string | null } {
  return {
    provider: provider.id,
    api: provider.api,
    // The simulator's endpoint is this app's; a self-hosted server's is where it was configured.
    baseUrl: provider.builtIn ? null : (provider.defaultBaseUrl ?? provider.serverUrl ?? null),
    keyEnv: provider.keyEnv,
    model: offering.providerModelId,
    params,
    wireNames: Object.fromEntries(offering.params.filter((p) => p.wireName).map((p) => [p.name, p.wireName!])),
    attachmentParams: offering.params.filter((p) => p.wire === "attachments").map((p) => p.name),
    videoDelivery: deliveryFor(offering, "video"),
    messages: toCodeMessages(messages, system),
  };
}
