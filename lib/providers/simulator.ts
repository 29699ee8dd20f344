import "server-only";
import { readEnv } from "@/lib/env";
import { createChatModel, openAiCompatibleCallOptions } from "./openai-compatible-wire";
import type { ProviderAdapter } from "./types";

const OPTIONS_KEY = "simulator";

export const simulatorAdapter: ProviderAdapter = {
  id: "simulator",
  createModel: (modelId, connection) => createChatModel(OPTIONS_KEY, modelId, connection),
  callOptions: (params, offering) => openAiCompatibleCallOptions(OPTIONS_KEY, params, offering),
  connection: (_provider, env) => ({ baseURL: readEnv(env).simulatorBaseUrl, apiKey: undefined }),
};
