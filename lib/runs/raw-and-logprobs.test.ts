import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteRun, getRunExchange } from "@/db/queries";
import { startRun } from "@/lib/runs/start-run";
import { readRawExchange } from "@/lib/runs/read-raw-exchange";
import { ownerActor } from "@/test/support/test-actor";
import { tokenLogprob } from "@/lib/simulator/token-logprobs";

// A run keeps its raw exchange (request body and response events) and hands
// the browser the answer's logprobs; the simulator makes deterministic ones.

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-raw-"));
  delete process.env.SIMULATOR_BASE_URL;
});

async function run(params: Record<string, unknown>, text = "write 12 words") {
  const response = await startRun(
    new Request("http://localhost/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, sim_tokens_per_second: 5000, enable_thinking: false, ...params }, messages: [{ role: "user", parts: [{ type: "text", text }] }] }),
    }),
    await ownerActor(),
  );
  const events = (await response.text())
    .split("\n\n")
    .map((b) => b.replace(/^data: /, "").trim())
    .filter((d) => d && d !== "[DONE]")
    .map((d) => JSON.parse(d) as Record<string, any>);
  return { id: response.headers.get("x-run-id")!, events, finish: events.find((e) => e.type === "finish")?.messageMetadata };
}

describe("logprobs", () => {
  it("the simulator's are deterministic, OpenAI-shaped, and the sampled token is among the top ones", () => {
    const a = tokenLogprob(" cat", 3, 7, 3);
    expect(tokenLogprob(" cat", 3, 7, 3)).toEqual(a);
    expect(a.top_logprobs).toHaveLength(3);
    expect(a.top_logprobs.map((t) => t.token)).toContain(" cat");
    expect(a.logprob).toBeLessThan(0);
    expect(a.bytes).toEqual([32, 99, 97, 116]);
    const sum = a.top_logprobs.reduce((n, t) => n + Math.exp(t.logprob), 0);
    expect(sum).toBeLessThanOrEqual(1.000001);
    expect(tokenLogprob(" cat", 4, 7, 3)).not.toEqual(a);
  });

  it("reach the answer's metadata, one per answer token, only when asked for", async () => {
    const asked = await run({ logprobs: true, top_logprobs: 2 });
    const text = asked.events.filter((e) => e.type === "text-delta").map((e) => e.delta).join("");
    expect(asked.finish.logprobs.map((t: { token: string }) => t.token).join("")).toBe(text);
    expect(asked.finish.logprobs[0].top).toHaveLength(2);
    expect((await run({})).finish.logprobs).toBeUndefined();
  });
});

describe("the raw exchange", () => {
  it("keeps the request body as sent and every response event, downloadable, and goes with the run", async () => {
    const { id, events } = await run({ seed: 5 });
    const response = await readRawExchange(id, await ownerActor(), new URL(`http://localhost/api/runs/${id}/raw?download=1`));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="run-${id}-raw.json"`);
    const raw = await response.json();
    expect(raw).toMatchObject({ runId: id, provider: "simulator", request: { method: "POST" }, response: { status: 200 }, truncated: false });
    expect(JSON.parse(raw.request.body)).toMatchObject({ model: "qwen3.5-flash", stream: true, seed: 5, messages: [{ role: "user", content: "write 12 words" }] });
    const content = raw.response.events.filter((e: string) => e.includes('"content":"') && !e.includes('"content":""')).length;
    // Every event as it came: the browser may get them batched, never more of them.
    expect(content).toBeGreaterThan(5);
    expect(content).toBeGreaterThanOrEqual(events.filter((e) => e.type === "text-delta").length);
    expect(raw.response.events.at(-1)).toBe("[DONE]");

    await deleteRun(id);
    expect(await getRunExchange(id)).toBeUndefined();
  });

  it("someone else's private run is not found", async () => {
    const { id } = await run({});
    const stranger = { ...(await ownerActor()), id: "someone-else", role: "member" as const };
    await expect(readRawExchange(id, stranger, new URL("http://localhost/"))).rejects.toMatchObject({ status: 404 });
    await expect(readRawExchange("%ff", await ownerActor(), new URL("http://localhost/"))).rejects.toMatchObject({ status: 400 });
  });
});
