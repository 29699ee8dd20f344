import type { Offering, ProviderCatalog } from "@/lib/catalog/schema";
import { toCodeMessages, type CodeRequest } from "./generate-code";

type UiMessage = { role: string; parts: { type: string; text?: string; mediaType?: string; url?: string }[] };

/** The code request for a provider offering, parameters and messages. The simulator's endpoint is this app's (null). */
export function codeRequestFor(
  provider: Pick<ProviderCatalog, "id" | "keyEnv" | "defaultBaseUrl"> & { serverUrl?: string },
  offering: Pick<Offering, "providerModelId" | "params">,
  params: Record<string, unknown>,
  messages: UiMessage[],
  system?: string | null,
): Omit<CodeRequest, "baseUrl"> & { baseUrl: string | null } {
  return {
    provider: provider.id,
    // The simulator's endpoint is this app's; a self-hosted server's is where it was configured.
    baseUrl: provider.id === "simulator" ? null : (provider.defaultBaseUrl ?? provider.serverUrl ?? null),
    keyEnv: provider.keyEnv,
    model: offering.providerModelId,
    params,
    wireNames: Object.fromEntries(offering.params.filter((p) => p.wireName).map((p) => [p.name, p.wireName!])),
    attachmentParams: offering.params.filter((p) => p.wire === "attachments").map((p) => p.name),
    messages: toCodeMessages(messages, system),
  };
}
