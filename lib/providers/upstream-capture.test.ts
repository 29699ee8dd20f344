import { describe, expect, it } from "vitest";
import { MAX_CAPTURED_CHARS, UpstreamCapture } from "./upstream-capture";

const KEY = "sk-or-v1-secret-key-1234";

describe("UpstreamCapture", () => {
  it("keeps the request with credentials blanked, the key redacted wherever it appears and attachments' base64 elided", () => {
    const capture = new UpstreamCapture([KEY]);
    const image = `data:image/png;base64,${"A".repeat(400)}`;
    capture.recordRequest(`https://up.example/v1/chat/completions?key=${KEY}`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "x-api-key": KEY, "content-type": "application/json", "x-title": "LLM Playground" },
      body: JSON.stringify({ model: "m", user: KEY, messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: image } }] }] }),
    });
    capture.recordResponse(200, { "content-type": "text/event-stream", "x-echo": KEY });
    capture.recordEvent(`{"choices":[{"delta":{"content":"${KEY}"}}]}`);
    const exchange = capture.exchange()!;
    expect(JSON.stringify(exchange)).not.toContain(KEY);
    expect(exchange.request.headers).toEqual({ authorization: "[redacted]", "x-api-key": "[redacted]", "content-type": "application/json", "x-title": "LLM Playground" });
    expect(exchange.request.url).toBe("https://up.example/v1/chat/completions?key=[redacted]");
    expect(JSON.parse(exchange.request.body!).messages[0].content[0].image_url.url).toBe("data:image/png;base64,[300 bytes elided]");
    expect(exchange.response).toMatchObject({ status: 200, headers: { "x-echo": "[redacted]" }, events: ['{"choices":[{"delta":{"content":"[redacted]"}}]}'] });
    expect(exchange.truncated).toBe(false);
  });

  it("a short placeholder key (the in-process simulator's) is no secret: the URL stays readable", () => {
    const capture = new UpstreamCapture(["in-process"]);
    capture.recordRequest("http://simulator.in-process/v1/chat/completions", { method: "POST", headers: { authorization: "Bearer in-process" }, body: "{}" });
    expect(capture.exchange()!.request).toMatchObject({ url: "http://simulator.in-process/v1/chat/completions", headers: { authorization: "[redacted]" } });
  });

  it("merges streamed reasoning_details as OpenRouter's SDK does: consecutive text pieces into one, others as they came", () => {
    const capture = new UpstreamCapture();
    const event = (details: object[]) => capture.recordEvent(JSON.stringify({ choices: [{ delta: { reasoning_details: details } }] }));
    event([{ type: "reasoning.text", text: "Let me ", format: "anthropic-claude-v1", index: 0 }]);
    event([{ type: "reasoning.text", text: "think.", index: 0 }]);
    event([{ type: "reasoning.text", text: "", signature: "sig-1", index: 0 }]);
    event([{ type: "reasoning.encrypted", data: "opaque", index: 1 }]);
    expect(capture.reasoningDetails()).toEqual([
      { type: "reasoning.text", text: "Let me think.", format: "anthropic-claude-v1", signature: "sig-1", index: 0 },
      { type: "reasoning.encrypted", data: "opaque", index: 1 },
    ]);
  });

  it("reads OpenAI-shaped logprobs and ignores malformed entries", () => {
    const capture = new UpstreamCapture();
    capture.recordEvent(JSON.stringify({ choices: [{ delta: { content: "Hi" }, logprobs: { content: [{ token: "Hi", logprob: -0.1, bytes: [72, 105], top_logprobs: [{ token: "Hi", logprob: -0.1 }, { token: "Hello", logprob: -2.5 }, { token: 3 }] }, { token: 1 }] } }] }));
    expect(capture.logprobs()).toEqual([{ token: "Hi", logprob: -0.1, top: [{ token: "Hi", logprob: -0.1 }, { token: "Hello", logprob: -2.5 }] }]);
  });

  it("stops keeping events past its limit and says so", () => {
    const capture = new UpstreamCapture();
    capture.recordRequest("http://x", { method: "POST", body: "{}" });
    const big = "x".repeat(MAX_CAPTURED_CHARS / 4 + 1);
    for (let i = 0; i < 5; i++) capture.recordEvent(big);
    const exchange = capture.exchange()!;
    expect(exchange.response.events).toHaveLength(3);
    expect(exchange.truncated).toBe(true);
  });
});

describe("a large attachment", () => {
  it("a 40 MB data URL is elided without overflowing anything, and short base64 stays", () => {
    const capture = new UpstreamCapture();
    const payload = "A".repeat(40_000_000);
    capture.recordRequest("http://x", { method: "POST", body: `{"a":"data:video/mp4;base64,${payload}","b":"data:image/png;base64,QUJD"}` });
    expect(capture.exchange()!.request.body).toBe('{"a":"data:video/mp4;base64,[30000000 bytes elided]","b":"data:image/png;base64,QUJD"}');
  });
});
