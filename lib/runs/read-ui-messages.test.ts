import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { readUIMessages } from "./read-ui-messages";

async function problem(messages: unknown[]): Promise<AppError> {
  const error = await readUIMessages(messages).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readUIMessages", () => {
  it("keeps a valid conversation, gives a message without an id one, and drops logprobs a client sent back", async () => {
    const messages = await readUIMessages([
      { role: "user", parts: [{ type: "text", text: "hi" }, { type: "file", mediaType: "image/png", url: "/api/uploads/abc", filename: "a.png" }] },
      { id: "a1", role: "assistant", parts: [{ type: "reasoning", text: "hm" }, { type: "text", text: "hello" }], metadata: { runId: "r1", logprobs: [{ token: "hello", logprob: -0.2 }] } },
    ]);
    expect(messages[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(messages[0]!.parts[1]).toEqual({ type: "file", mediaType: "image/png", url: "/api/uploads/abc", filename: "a.png" });
    expect(messages[1]).toEqual({ id: "a1", role: "assistant", parts: [{ type: "reasoning", text: "hm" }, { type: "text", text: "hello" }], metadata: { runId: "r1" } });
  });

  it("refuses a role the SDK does not know, naming where", async () => {
    const error = await problem([{ id: "u1", role: "robot", parts: [] }]);
    expect(error.status).toBe(400);
    expect(error.field).toBe("messages.0.role");
    expect(error.message).toMatch(/^messages\.0\.role: /);
  });

  it("refuses a text part without its text, and a file part without its URL", async () => {
    expect((await problem([{ id: "u1", role: "user", parts: [{ type: "text" }] }])).field).toMatch(/^messages\.0\.parts\.0/);
    expect((await problem([{ id: "u1", role: "user", parts: [{ type: "text", text: "x" }, { type: "file", mediaType: "image/png" }] }])).field).toMatch(/^messages\.0\.parts\.1/);
  });

  it("refuses an unknown part type instead of passing it on to the provider", async () => {
    const error = await problem([{ id: "u1", role: "user", parts: [{ type: "bogus", text: "x" }] }]);
    expect(error.message).toMatch(/^messages\.0\.parts\.0/);
  });

  it("does not echo a long conversation back in the error", async () => {
    const error = await problem([{ id: "u1", role: "user", parts: [{ type: "text", text: "x".repeat(50_000) }] }, { id: "u2", role: "user", parts: "nope" }]);
    expect(error.message.length).toBeLessThan(300);
  });
});
