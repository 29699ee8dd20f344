import type { ProviderCatalogInput } from "../schema";

// Alibaba Model Studio is not among the seed pages; these facts come from its
// OpenAI-compatible API documentation (see shared/notes/providers.md §2.5).
// Prices for the international endpoint were not in the sources we hold, so
// pricing is null (unknown) rather than a guess.
const thinkingSource = { url: "https://www.alibabacloud.com/help/en/model-studio/deep-thinking", checkedAt: "2026-11-23" };

export const dashscope: ProviderCatalogInput = {
  id: "dashscope",
  name: "Alibaba Model Studio",
  description: "Alibaba Cloud Model Studio (DashScope) in OpenAI-compatible mode.",
  docsUrl: "https://www.alibabacloud.com/help/en/model-studio/qwen-api-via-openai-chat-completions",
  keyEnv: "DASHSCOPE_API_KEY",
  baseUrlEnv: "DASHSCOPE_BASE_URL",
  defaultBaseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "qwen3.5-flash",
      label: "Qwen3.5 Flash",
      region: "Singapore (international)",
      endpoint: "POST https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
      limits: { contextTokens: 1_000_000, maxOutputTokens: 65_536 },
      capabilities: {
        inputModalities: ["text", "image", "video"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: true,
        features: ["thinking_by_default", "structured_output_non_thinking_only"],
      },
      params: [
        { name: "temperature", type: "number", min: 0, max: 2, description: "Sampling temperature; higher values make output more random." },
        { name: "top_p", type: "number", min: 0, max: 1, description: "Nucleus sampling probability mass." },
        { name: "top_k", type: "integer", min: 1, max: 100, description: "Sample from the K most likely tokens." },
        { name: "max_tokens", type: "integer", min: 1, max: 65536, description: "Maximum number of tokens to generate." },
        { name: "enable_thinking", type: "boolean", default: true, description: "Thinking is on by default for Qwen3.5; false sends an explicit off." },
        { name: "thinking_budget", type: "integer", min: 1, max: 81920, description: "Maximum reasoning tokens when thinking is enabled." },
        { name: "stop", type: "string_list", maxItems: 4, description: "Up to 4 sequences where generation stops." },
        { name: "seed", type: "integer", min: 0, max: 2147483647, description: "Random seed for reproducible sampling." },
        { name: "presence_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens that already appeared." },
        { name: "vl_high_resolution_images", type: "boolean", default: false, description: "Process images at high resolution (up to 16,384 visual tokens per image)." },
        { name: "video_fps", type: "number", default: 2, min: 0.1, max: 10, wire: "attachments", description: "Frames per second DashScope samples from a video (sent as the `fps` field beside each video_url)." },
        { name: "response_format", type: "object", description: "JSON mode; only in non-thinking mode.", example: '{ "type": "json_object" }' },
        { name: "tools", type: "array", wire: "tools", description: "OpenAI-style function tool definitions.", example: '[{ "type": "function", "function": { "name": "get_weather", "parameters": { "type": "object", "properties": {} } } }]' },
        { name: "tool_choice", type: "object_or_string", description: "auto, none or a named function.", example: '"auto"' },
      ],
      pricing: null,
      source: { ...thinkingSource, note: "Parameters from the deep-thinking and OpenAI-compatible docs; price not in our sources." },
    },
  ],
};
