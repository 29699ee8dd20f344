import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// Nothing lost under load: 1,000 simulator streams at once on this 2-core
// machine. Every run's record ends done with exactly the text its client
// received, and none is marked interrupted by its own instance's sweep while
// the event loop is busy. (Traffic goes only to 127.0.0.1.)

const STREAMS = 1000;

type Received = { runId: string; text: string; finished: boolean };

const SIM = { max_tokens: 120, enable_thinking: false, sim_ttft_ms: 300, sim_tokens_per_second: 12 };

/** Even streams go through the gateway (OpenAI chunks), odd ones through the playground's own route (UI message stream). */
function request(base: string, key: string, i: number): Promise<Response> {
  const prompt = `load test stream ${i}: write about queues`;
  if (i % 2 === 0) {
    return fetch(`${base}/api/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: prompt }], stream: true, ...SIM }),
    });
  }
  return fetch(`${base}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: SIM, messages: [{ id: `m${i}`, role: "user", parts: [{ type: "text", text: prompt }] }] }),
  });
}

async function stream(base: string, key: string, i: number): Promise<Received> {
  const response = await request(base, key, i);
  expect(response.status, await (response.ok ? Promise.resolve("") : response.clone().text())).toBe(200);
  const runId = response.headers.get("x-run-id")!;
  const decoder = new TextDecoder();
  let buffer = "";
  let text = "";
  let finished = false;
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      const data = event.replace(/^data: /, "");
      if (data === "[DONE]") continue;
      const parsed = JSON.parse(data) as { type?: string; delta?: string; choices?: { delta?: { content?: string }; finish_reason?: string | null }[] };
      if (parsed.type === "text-delta") text += parsed.delta ?? "";
      if (parsed.type === "finish") finished = true;
      text += parsed.choices?.[0]?.delta?.content ?? "";
      if (parsed.choices?.[0]?.finish_reason) finished = true;
    }
  }
  return { runId, text, finished };
}

test("1,000 concurrent streams: no run lost, every record's text is what its client received", async () => {
  test.setTimeout(240_000);
  const server = new AppServer(await freePort(), tempDataDir());
  await server.start();
  try {
    const created = await fetch(`${server.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "load" }) });
    const { key } = (await created.json()) as { key: string };

    const started = Date.now();
    const received = await Promise.all(Array.from({ length: STREAMS }, (_, i) => stream(server.url, key, i)));
    const seconds = (Date.now() - started) / 1000;
    console.log(`[load] ${STREAMS} concurrent streams in ${seconds.toFixed(1)} s`);
    expect(received.filter((r) => !r.finished)).toHaveLength(0);

    // Every record is final once its stream ended; read them all back.
    const mismatched: string[] = [];
    const statuses = new Map<string, number>();
    for (let i = 0; i < received.length; i += 50) {
      const batch = received.slice(i, i + 50);
      const records = await Promise.all(
        batch.map(async (r) => {
          const record = await expect
            .poll(async () => (await (await fetch(`${server.url}/api/runs/${r.runId}`)).json()) as { status: string; output: { text: string } }, { timeout: 10_000 })
            .not.toMatchObject({ status: "streaming" })
            .then(async () => (await (await fetch(`${server.url}/api/runs/${r.runId}`)).json()) as { status: string; output: { text: string }; costUsd: number | null });
          return { r, record };
        }),
      );
      for (const { r, record } of records) {
        statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
        if (record.status !== "done" || record.output.text !== r.text || r.text.length === 0 || record.costUsd === null) mismatched.push(`${r.runId}: ${record.status}, ${record.output.text.length} vs ${r.text.length} chars`);
      }
    }
    console.log(`[load] statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(mismatched.slice(0, 10)).toEqual([]);
    expect(statuses.get("done")).toBe(STREAMS);
  } finally {
    await server.stop();
  }
});
