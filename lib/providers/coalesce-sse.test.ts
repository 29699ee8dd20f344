import type { EventSourceMessage } from "eventsource-parser";
import { describe, expect, it } from "vitest";
import { coalesceSse, type StreamCounter } from "./coalesce-sse";

const chunk = (delta: object, extra: object = {}) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;

/** Feed each string as one network read; return each output write. */
async function run(reads: string[], rewriteEvent?: (event: EventSourceMessage) => EventSourceMessage): Promise<{ writes: string[]; counter: StreamCounter }> {
  const counter: StreamCounter = { contentEvents: 0 };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const read of reads) controller.enqueue(encoder.encode(read));
      controller.close();
    },
  }).pipeThrough(coalesceSse(counter, { rewriteEvent }));
  const writes: string[] = [];
  for await (const bytes of stream) writes.push(new TextDecoder().decode(bytes));
  return { writes, counter };
}

const events = (text: string) =>
  text
    .split("\n\n")
    .filter(Boolean)
    .map((e) => e.replace(/^data: /, ""));

describe("coalesceSse", () => {
  it("passes a lone event through byte for byte", async () => {
    const read = chunk({ content: "Hello" });
    const { writes, counter } = await run([read]);
    expect(writes).toEqual([read]);
    expect(counter.contentEvents).toBe(1);
  });

  it("merges same-kind deltas that arrived in one read, keeping order and text", async () => {
    const read =
      chunk({ role: "assistant", content: "" }) +
      chunk({ reasoning_content: "Think " }) +
      chunk({ reasoning_content: "hard." }) +
      chunk({ content: "Hel" }) +
      chunk({ content: "lo" }) +
      chunk({}, {}).replace('"finish_reason":null', '"finish_reason":"stop"') +
      `data: ${JSON.stringify({ id: "c1", choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } })}\n\n` +
      "data: [DONE]\n\n";
    const { writes, counter } = await run([read]);
    expect(writes).toHaveLength(1);
    const out = events(writes[0]!);
    expect(out).toHaveLength(6);
    expect(JSON.parse(out[1]!).choices[0].delta).toEqual({ reasoning_content: "Think hard." });
    expect(JSON.parse(out[2]!).choices[0].delta).toEqual({ content: "Hello" });
    expect(JSON.parse(out[3]!).choices[0].finish_reason).toBe("stop");
    expect(JSON.parse(out[4]!).usage).toEqual({ prompt_tokens: 3, completion_tokens: 4 });
    expect(out[5]).toBe("[DONE]");
    expect(counter.contentEvents).toBe(4);
  });

  it("a text chunk that carries the finish reason keeps it: it is never merged into the text before it", async () => {
    const last = chunk({ content: "end." }).replace('"finish_reason":null', '"finish_reason":"length"');
    const { writes } = await run([`${chunk({ content: "The " }) + chunk({ content: "story " }) + last}data: [DONE]\n\n`]);
    const out = writes.flatMap(events);
    expect(out).toHaveLength(3);
    expect(JSON.parse(out[0]!).choices[0].delta.content).toBe("The story ");
    expect(JSON.parse(out[1]!).choices[0]).toMatchObject({ delta: { content: "end." }, finish_reason: "length" });
  });

  it("a provider's event rewrite applies before merging", async () => {
    const details = chunk({ reasoning_details: [{ type: "reasoning.text", text: "Hm" }] });
    const { writes } = await run([details], (event) => ({ ...event, data: event.data.replace("reasoning_details", "reasoning").replace('[{"type":"reasoning.text","text":"Hm"}]', '"Hm"') }));
    expect(JSON.parse(events(writes[0]!)[0]!).choices[0].delta).toEqual({ reasoning: "Hm" });
  });

  it("never merges tool calls, errors or events split across reads", async () => {
    const tool = chunk({ tool_calls: [{ index: 0, id: "call_1", function: { name: "f", arguments: "" } }] });
    const error = `data: ${JSON.stringify({ error: { message: "boom" } })}\n\n`;
    const a = chunk({ content: "A" });
    const { writes } = await run([a.slice(0, 20), a.slice(20) + tool + tool, error]);
    const out = writes.flatMap(events);
    expect(out).toHaveLength(4);
    expect(JSON.parse(out[0]!).choices[0].delta.content).toBe("A");
    expect(JSON.parse(out[1]!).choices[0].delta.tool_calls).toHaveLength(1);
    expect(JSON.parse(out[3]!).error.message).toBe("boom");
  });
});
