import { describe, expect, it } from "vitest";
import { runRequestSchema } from "@/lib/runs/run-request-schema";
import { withoutLogprobs } from "./without-logprobs";

describe("logprobs never go back", () => {
  it("a message's logprobs are dropped, the rest of its metadata kept; messages without them are the same object", () => {
    const plain = { role: "user", parts: [] };
    expect(withoutLogprobs(plain)).toBe(plain);
    expect(withoutLogprobs({ role: "assistant", metadata: { runId: "r", logprobs: [{ token: "a", logprob: -1, top: [] }] } })).toEqual({ role: "assistant", metadata: { runId: "r" } });
  });

  it("the server drops any a client sent, so they are never stored with the run", () => {
    const parsed = runRequestSchema.parse({
      provider: "simulator",
      model: "qwen3.5-flash",
      messages: [
        { role: "user", parts: [{ type: "text", text: "hi" }] },
        { role: "assistant", metadata: { runId: "r", reasoningDetails: [{ type: "reasoning.text", text: "t" }], logprobs: [{ token: "a", logprob: -1, top: [] }] }, parts: [{ type: "text", text: "a" }] },
        { role: "user", parts: [{ type: "text", text: "more" }] },
      ],
    });
    expect(parsed.messages[1]).toEqual({ role: "assistant", metadata: { runId: "r", reasoningDetails: [{ type: "reasoning.text", text: "t" }] }, parts: [{ type: "text", text: "a" }] });
  });
});
