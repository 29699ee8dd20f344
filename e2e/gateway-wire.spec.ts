import http from "node:http";
import OpenAI from "openai";
import { expect, test } from "./support/provider-fixtures";

// The wire as OpenAI clients expect it: every stream ends with `data: [DONE]`
// and a correct chunked end, so one keep-alive socket carries call after call;
// errors and lookups have OpenAI's shapes on the gateway and the simulator.

async function newKey(base: string): Promise<string> {
  const response = await fetch(`${base}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "wire" }) });
  return ((await response.json()) as { key: string }).key;
}

test("20 streamed and 20 non-streamed calls on one keep-alive socket all succeed; each stream ends with [DONE]", async ({ app }) => {
  const key = await newKey(app.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  const call = (stream: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 8, stream, stream_options: stream ? { include_usage: true } : undefined, sim_ttft_ms: 0, sim_tokens_per_second: 5000 });
      const req = http.request(`${app.url}/api/v1/chat/completions`, { method: "POST", agent, headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        res.on("error", reject);
      });
      req.on("socket", (socket) => sockets.add(socket));
      req.on("error", reject);
      req.end(body);
    });
  for (let i = 0; i < 20; i++) {
    const streamed = await call(true);
    expect(streamed.status, `stream ${i}`).toBe(200);
    const events = streamed.body.split("\n\n").filter(Boolean);
    expect(events.at(-1), `stream ${i}`).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, "")));
    // With include_usage, the usage is on the last chunk only; every other chunk says usage: null.
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.usage).toBeNull();
    const plain = await call(false);
    expect(plain.status, `call ${i}`).toBe(200);
    expect(JSON.parse(plain.body).object).toBe("chat.completion");
  }
  expect(sockets.size).toBe(1);
  agent.destroy();
});

test("OpenAI's shapes: the simulator's models.retrieve and 404s, its 401; the gateway's 404 for an unknown route", async ({ app }) => {
  const key = await newKey(app.url);
  const simulator = new OpenAI({ baseURL: `${app.url}/api/simulator/v1`, apiKey: key, maxRetries: 0 });
  expect(await simulator.models.retrieve("qwen3.5-flash")).toMatchObject({ id: "qwen3.5-flash", object: "model", owned_by: "simulator" });
  const missing = await simulator.models.retrieve("gpt-nope").catch((e) => e);
  expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
  expect(missing.error).toMatchObject({ type: "invalid_request_error", code: "model_not_found", param: "model" });
  const unknownModel = await simulator.chat.completions.create({ model: "gpt-nope", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
  expect(unknownModel).toBeInstanceOf(OpenAI.NotFoundError);

  const anonymous = await fetch(`${app.url}/api/simulator/v1/models`, { headers: { authorization: "Bearer pg_wrong" } });
  expect(anonymous.status).toBe(401);
  const refused = (await anonymous.json()) as { error: { code: unknown; param: unknown; type: string } };
  expect(typeof refused.error.code).toBe("string");
  expect(refused.error).toHaveProperty("param", null);

  const gateway = await fetch(`${app.url}/api/v1/no/such/route`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: "{}" });
  expect(gateway.status).toBe(404);
  expect(await gateway.json()).toMatchObject({ error: { type: "invalid_request_error", param: null, code: "unknown_url" } });
});
