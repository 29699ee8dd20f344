import type { ProviderCatalogInput } from "../schema";

// From the Segmind API page (shared/seeds/003). The page documents only
// `messages` (role + string content): there are no body parameters. The one
// control is the playground's own: how many frames per second a video becomes
// (the page: "accepts video frames as image inputs").
// Segmind bills per call in credits and reports the charge in `x-cost`,
// so no per-token price table exists.
const pageSource = { url: "https://www.segmind.com/models/qwen3.5-flash/api", checkedAt: "2026-11-23" };

export const segmind: ProviderCatalogInput = {
  id: "segmind",
  name: "Segmind",
  description: "Own JSON API: model in the URL path, x-api-key auth, one JSON answer (no streaming).",
  docsUrl: "https://docs.segmind.com",
  keyEnv: "SEGMIND_API_KEY",
  baseUrlEnv: "SEGMIND_BASE_URL",
  defaultBaseUrl: "https://api.segmind.com/v1",
  api: "json-per-model",
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "qwen3.5-flash",
      label: "Qwen3.5 Flash",
      endpoint: "POST https://api.segmind.com/v1/qwen3.5-flash",
      limits: { contextTokens: 1_000_000, maxOutputTokens: 65_536, maxReasoningTokens: 81_920 },
      capabilities: {
        // The page: "accepts video frames as image inputs".
        inputModalities: ["text", "image"],
        outputModalities: ["text"],
        reasoning: true,
        tools: false,
        structuredOutput: false,
        features: ["thinking_by_default", "video_as_frames", "multilingual"],
      },
      params: [
        { name: "video_fps", type: "number", default: 2, min: 0.1, max: 10, wire: "attachments", description: "Frames per second the playground samples from a video; Segmind receives them as images (at most 32)." },
      ],
      attachmentNote:
        "Segmind's page documents message content as text only. Images go as OpenAI image_url parts (data URLs), which the page does not describe; a video goes as JPEG frames sampled at video_fps (at most 32).",
      pricing: null,
      source: { ...pageSource, note: "Billed per call in credits; see the x-cost and x-remaining-credits response headers. The page documents content as a string: text goes as a string, images as OpenAI image_url parts (undocumented there)." },
    },
  ],
};
