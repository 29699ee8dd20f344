import "server-only";
import { readEnv } from "@/lib/env";
import { simulatorToken } from "@/lib/simulator/simulator-access";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";
import type { ProviderAdapter } from "./types";

const base = openAiCompatibleAdapter("simulator");

/** The built-in simulator, reached over loopback like any other provider. */
export const simulatorAdapter: ProviderAdapter = {
  ...base,
  connection: (_provider, env) => ({ baseURL: readEnv(env).simulatorBaseUrl, apiKey: simulatorToken() }),
};
