import { describe, expect, it } from "vitest";
import { runRequestBody } from "./run-request-body";

const message = { id: "a1", role: "assistant", parts: [{ type: "text", text: "hi" }], metadata: { runId: "r1", logprobs: [{ token: "hi", logprob: -0.1 }] } };

describe("runRequestBody", () => {
  it("sends the target, parameters and extra ids, and never an answer's logprobs", () => {
    const body = runRequestBody({ provider: "simulator", model: "qwen3.5-flash", params: { temperature: 0.2 }, system: "Be brief.", compareGroupId: "g1", compareColumn: 1 }, [message]);
    expect(body).toEqual({
      provider: "simulator",
      model: "qwen3.5-flash",
      params: { temperature: 0.2 },
      compareGroupId: "g1",
      compareColumn: 1,
      system: "Be brief.",
      messages: [{ id: "a1", role: "assistant", parts: [{ type: "text", text: "hi" }], metadata: { runId: "r1" } }],
    });
  });

  it("leaves out a system prompt that is only whitespace", () => {
    const body = runRequestBody({ provider: "simulator", model: "m", params: {}, system: "  \n" }, []);
    expect(body).not.toHaveProperty("system");
  });
});
