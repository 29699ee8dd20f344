import { describe, expect, it } from "vitest";
import { readUIMessages } from "@/lib/runs/read-ui-messages";
import { withoutLogprobs } from "./without-logprobs";

describe("logprobs never go back", () => {
  it("a message's logprobs are dropped, the rest of its metadata kept; messages without them are the same object", () => {
    const plain = { role: "user", parts: [] };
    expect(withoutLogprobs(plain)).toBe(plain);
    expect(withoutLogprobs({ role: "assistant", metadata: { runId: "r", logprobs: [{ token: "a", logprob: -1, top: [] }] } })).toEqual({ role: "assistant", metadata: { runId: "r" } });
  });

  it("the server drops any a client sent, so they are never stored with the run", async () => {
    const messages = await readUIMessages([
      { id: "u1", role: "user", parts: [{ type: "text", text: "hi" }] },
      { id: "a1", role: "assistant", metadata: { runId: "r", reasoningDetails: [{ type: "reasoning.text", text: "t" }], logprobs: [{ token: "a", logprob: -1, top: [] }] }, parts: [{ type: "text", text: "a" }] },
      { id: "u2", role: "user", parts: [{ type: "text", text: "more" }] },
    ]);
    expect(messages[1]).toEqual({ id: "a1", role: "assistant", metadata: { runId: "r", reasoningDetails: [{ type: "reasoning.text", text: "t" }] }, parts: [{ type: "text", text: "a" }] });
  });
});
