import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// Two app processes on one database: a run started on one is readable from
// the other; when the first dies mid-stream (kill -9), the other marks the run
// interrupted within 10 s, with the text it had streamed.

test("two instances share runs, and a run whose instance dies is closed by the other", async () => {
  const dataDir = tempDataDir();
  const a = new AppServer(await freePort(), dataDir);
  const b = new AppServer(await freePort(), dataDir);
  await a.start();
  await b.start();
  try {
    const controller = new AbortController();
    const response = await fetch(`${a.url}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, sim_tokens_per_second: 40 }, messages: [{ role: "user", parts: [{ type: "text", text: "write 3000 words" }] }] }),
      signal: controller.signal,
    });
    const id = response.headers.get("x-run-id")!;
    const reader = response.body!.getReader();
    await reader.read();
    // Read from the other instance while it streams.
    await expect.poll(async () => (await (await fetch(`${b.url}/api/runs/${id}`)).json()).status).toBe("streaming");
    await new Promise((r) => setTimeout(r, 2500));

    await a.stop("SIGKILL");
    controller.abort();
    const killedAt = Date.now();
    await expect.poll(async () => (await (await fetch(`${b.url}/api/runs/${id}`)).json()).status, { timeout: 10_000, intervals: [250] }).toBe("interrupted");
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    const record = await (await fetch(`${b.url}/api/runs/${id}`)).json();
    expect(record.error.code).toBe("interrupted");
    expect(record.output.reasoning.length + record.output.text.length).toBeGreaterThan(0);
  } finally {
    await a.stop();
    await b.stop();
  }
});
