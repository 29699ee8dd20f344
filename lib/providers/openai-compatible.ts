import "server-only";
import { openAiCompatibleAdapter } from "./openai-compatible-wire";

// Any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio); the key is optional.
export const openaiCompatibleAdapter = openAiCompatibleAdapter("openai-compatible", { catalogSource: { kind: "model-import" } });
