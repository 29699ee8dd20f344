import type { Model } from "./schema";

export const models: Model[] = [
  {
    id: "qwen3.5-flash",
    name: "Qwen3.5 Flash",
    vendor: "Alibaba Cloud",
    description: "Vision-language model with hybrid linear-attention plus sparse MoE, 1M context, fast multimodal text/image/video inference.",
  },
  {
    id: "qwen3.5-4b",
    name: "Qwen3.5 4B",
    vendor: "Alibaba Cloud",
    description: "Low-cost multimodal reasoning model with 256K context, image and video input, function tools and structured output.",
  },
];
