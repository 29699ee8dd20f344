import "server-only";
import { readEnv } from "@/lib/env";
import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";
import { simulatorToken } from "@/lib/simulator/simulator-access";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";
import type { ProviderAdapter } from "./types";

const base = openAiCompatibleAdapter("simulator");
const inProcessFetch: typeof fetch = async (input, init) => handleSimulatorRequest(new Request(input, init));

/**
 * The built-in simulator. It speaks the same wire format as a provider, but is
 * called in-process: no loopback hop, no port to know, and it works where the
 * app cannot call itself (Vercel). SIMULATOR_BASE_URL sends it over HTTP instead.
 */
export const simulatorAdapter: ProviderAdapter = {
  ...base,
  connection: (_provider, env) => {
    const baseURL = readEnv(env).simulatorBaseUrl;
    if (baseURL) return { baseURL, apiKey: simulatorToken() };
    return { baseURL: "http://simulator.in-process/v1", apiKey: "in-process", fetch: inProcessFetch };
  },
};
