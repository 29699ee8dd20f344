import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { insertRun } from "@/db/queries";
import { conversationsFor } from "./conversations";
import { ownerActor } from "@/test/support/test-actor";

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-conversations-"));
});

const user = (text: string) => ({ role: "user", parts: [{ type: "text", text }] });
const answer = { role: "assistant", parts: [{ type: "text", text: "ok" }] };

describe("the conversation list", () => {
  it("lists each of your conversations once, by its latest run, newest first, titled by its first message", async () => {
    const owner = await ownerActor();
    let at = Date.parse("2026-11-20T10:00:00Z");
    const run = (id: string, conversationId: string | null, messages: object[], userId = owner.id) =>
      insertRun({ id, status: "done", provider: "simulator", model: "qwen3.5-flash", params: {}, system: null, messages, promptText: "", conversationId, userId, createdAt: new Date((at += 60_000)) });
    await run("a1", "conv-a", [user("What is TTFT?")]);
    await run("b1", "conv-b", [user("Compare two providers")]);
    await run("a2", "conv-a", [user("What is TTFT?"), answer, user("And tokens/s?")]);
    await run("x1", null, [user("A run from history, not a conversation")]);
    await run("c1", "conv-c", [user("Someone else's")], "someone-else");

    const list = await conversationsFor(owner);
    expect(list.map((c) => [c.conversationId, c.runId, c.title, c.turns])).toEqual([
      ["conv-a", "a2", "What is TTFT?", 2],
      ["conv-b", "b1", "Compare two providers", 1],
    ]);
  });
});
