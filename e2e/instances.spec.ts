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

// SIGTERM: no new runs, streams get SHUTDOWN_GRACE_S to finish, the rest end
// interrupted with their text, and the process exits 0.
test("SIGTERM lets short runs finish, ends long ones as interrupted, refuses new ones and exits 0", async () => {
  const dataDir = tempDataDir();
  const server = new AppServer(await freePort(), dataDir, { SHUTDOWN_GRACE_S: "2" });
  await server.start();
  const start = (text: string, tokensPerSecond: number) =>
    fetch(`${server.url}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, sim_tokens_per_second: tokensPerSecond, enable_thinking: false }, messages: [{ role: "user", parts: [{ type: "text", text }] }] }),
    });
  let longId = "";
  let shortId = "";
  try {
    const long = await start("write 3000 words", 40);
    const short = await start("write 30 words", 40);
    longId = long.headers.get("x-run-id")!;
    shortId = short.headers.get("x-run-id")!;
    const longReader = long.body!.getReader();
    const shortText = short.text();
    await longReader.read();
    await new Promise((r) => setTimeout(r, 300));

    const exited = server.stop("SIGTERM");
    await expect.poll(async () => await fetch(`${server.url}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 5000 }).toBe(503);
    const refused = await start("one more", 40);
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe("shutting_down");
    await shortText;
    while (!(await longReader.read().catch(() => ({ done: true }))).done);
    expect(await exited).toBe(0);
  } finally {
    await server.stop("SIGKILL");
  }

  const after = new AppServer(await freePort(), dataDir);
  await after.start();
  try {
    const { runs } = await (await fetch(`${after.url}/api/runs?limit=10`)).json();
    expect(runs).toHaveLength(2);
    const short = await (await fetch(`${after.url}/api/runs/${shortId}`)).json();
    const long = await (await fetch(`${after.url}/api/runs/${longId}`)).json();
    expect(short.status).toBe("done");
    expect(long.status).toBe("interrupted");
    expect(long.error.code).toBe("interrupted");
    expect(long.output.text.length).toBeGreaterThan(0);
  } finally {
    await after.stop();
  }
});
