import { describe, expect, it } from "vitest";
import { findOffering, findProvider, loadCatalog } from "@/lib/catalog";
import { codeRequestFor } from "./code-request";
import { generateCode, toCodeMessages, type CodeRequest } from "./generate-code";

const catalog = loadCatalog();

/** The code request the playground builds for this offering, from the catalog's own data. */
function requestFor(provider: string, model: string, params: Record<string, unknown>, codeMessages: CodeRequest["messages"]): CodeRequest {
  const request = codeRequestFor(findProvider(catalog, provider)!, findOffering(catalog, provider, model)!, params, []);
  return { ...request, baseUrl: request.baseUrl!, messages: codeMessages };
}

const messages = toCodeMessages([{ role: "user", parts: [{ type: "text", text: "It's a test" }] }], "Be brief.");

describe("view code", () => {
  it("OpenRouter: the real endpoint, Bearer key from the environment, every parameter in the body", () => {
    const code = generateCode({ provider: "openrouter", baseUrl: "https://openrouter.ai/api/v1", keyEnv: "OPENROUTER_API_KEY", model: "qwen/qwen3.5-flash-02-23", params: { temperature: 0.3, reasoning: { effort: "low" } }, messages });
    expect(code.curl).toContain("curl https://openrouter.ai/api/v1/chat/completions");
    expect(code.curl).toContain('-H "Authorization: Bearer $OPENROUTER_API_KEY"');
    // The JSON body survives shell quoting of the apostrophe.
    const body = JSON.parse(code.curl.split("-d ")[1]!.slice(1, -1).replace(/'\\''/g, "'"));
    expect(body).toEqual({
      model: "qwen/qwen3.5-flash-02-23",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "It's a test" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      reasoning: { effort: "low" },
    });
    expect(code.typescript).toContain('baseURL: "https://openrouter.ai/api/v1"');
    expect(code.typescript).toContain("apiKey: process.env.OPENROUTER_API_KEY");
    expect(code.typescript).toContain('system: "Be brief."');
    expect(code.python).toContain('client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])');
    expect(code.python).toContain("temperature=0.3,");
    expect(code.python).toContain('extra_body={\n        "reasoning": {\n            "effort": "low",\n        },\n    },');
  });

  it("EmpirioLabs: provider fields go in extra_body for Python, and booleans are Python literals", () => {
    const code = generateCode({ provider: "empiriolabs", baseUrl: "https://api.empiriolabs.ai/v1", keyEnv: "EMPIRIOLABS_API_KEY", model: "qwen3-5-flash", params: { enable_thinking: false, video_fps: 1 }, messages });
    expect(code.python).toContain('"enable_thinking": False');
    expect(code.typescript).toContain('providerOptions: { empiriolabs: {\n    "enable_thinking": false,');
  });

  it("AI Gateway routing goes under its wire name", () => {
    const code = generateCode({ provider: "ai-gateway", baseUrl: "https://ai-gateway.vercel.sh/v1", keyEnv: "AI_GATEWAY_API_KEY", model: "alibaba/qwen3.5-flash", params: { provider_options: { gateway: { only: ["alibaba"] } } }, wireNames: { provider_options: "providerOptions" }, messages });
    expect(code.curl).toContain('"providerOptions"');
    expect(code.curl).not.toContain("provider_options");
  });

  it("Segmind: model in the path, x-api-key, { messages }", () => {
    const code = generateCode(requestFor("segmind", "qwen3.5-flash", {}, messages));
    expect(code.curl).toContain("curl https://api.segmind.com/v1/qwen3.5-flash");
    expect(code.curl).toContain('-H "x-api-key: $SEGMIND_API_KEY"');
    expect(code.python).toContain("requests.post(");
    expect(code.typescript).toContain('"x-api-key": process.env.SEGMIND_API_KEY!');
  });

  it("attachments show where the data URL goes", () => {
    const withImage = toCodeMessages([{ role: "user", parts: [{ type: "text", text: "What is it?" }, { type: "file", mediaType: "image/png", url: "/api/uploads/abc" }] }]);
    const code = generateCode({ provider: "dashscope", baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", keyEnv: "DASHSCOPE_API_KEY", model: "qwen3.5-flash", params: {}, messages: withImage });
    expect(code.curl).toContain('"image_url": {\n            "url": "data:image/png;base64,<base64 of attachment-1.png>"');
    // The TypeScript reads the file from disk as an AI SDK file part: it runs as written.
    expect(code.typescript).toContain('{ type: "file", mediaType: "image/png", data: readFileSync("attachment-1.png") }');
    expect(code.typescript).toContain('import { readFileSync } from "node:fs";');
  });

  it("a video for DashScope carries its fps beside video_url; Segmind says it gets frames", () => {
    const video = toCodeMessages([{ role: "user", parts: [{ type: "text", text: "What happens?" }, { type: "file", mediaType: "video/mp4", url: "/api/uploads/v", filename: "clip.mp4" }] }]);
    const dashscope = generateCode(requestFor("dashscope", "qwen3.5-flash", { video_fps: 1 }, video));
    expect(dashscope.curl).toContain('"fps": 1');
    expect(dashscope.typescript).toContain("fps");
    const segmind = generateCode(requestFor("segmind", "qwen3.5-flash", {}, video));
    expect(segmind.typescript).toContain("JPEG frames");
    expect(segmind.curl).toContain("JPEG frames");
  });
});
