import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// Runs survive a restart; a run cut off by a crash is marked interrupted at
// the next start (never left "streaming"), keeping the text it had streamed.

const messages = (text: string) => [{ id: "u1", role: "user", parts: [{ type: "text", text }] }];

test("every run is still there after a restart, and a crashed run is marked interrupted", async ({ page }) => {
  const server = new AppServer(await freePort(), tempDataDir());
  await server.start();
  try {
    await page.goto(server.url);
    await page.getByTestId("param-input-sim_ttft_ms").fill("20");
    await page.getByTestId("param-input-sim_tokens_per_second").fill("2000");
    await page.getByTestId("composer-input").fill("Remember this run across restarts");
    await page.getByTestId("send-button").click();
    const stats = page.getByTestId("message-assistant").first().getByTestId("run-stats");
    await expect(stats).toHaveAttribute("data-status", "done");
    const finishedId = await stats.getAttribute("data-run-id");
    const finished = await (await fetch(`${server.url}/api/runs/${finishedId}`)).json();

    // A slow run that is streaming when the server dies.
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", messages: messages("write 3000 words"), params: { sim_ttft_ms: 0, sim_tokens_per_second: 50 } }),
      signal: controller.signal,
    });
    const streamingId = response.headers.get("x-run-id");
    expect(streamingId).toBeTruthy();
    await new Promise((r) => setTimeout(r, 3000));
    await server.stop("SIGKILL");
    controller.abort();

    await server.start();
    const again = await (await fetch(`${server.url}/api/runs/${finishedId}`)).json();
    expect(again).toEqual(finished);

    // The dead process's lease on the run runs out within seconds; then it is closed as interrupted.
    await expect.poll(async () => (await (await fetch(`${server.url}/api/runs/${streamingId}`)).json()).status, { timeout: 15_000 }).toBe("interrupted");
    const interrupted = await (await fetch(`${server.url}/api/runs/${streamingId}`)).json();
    expect(interrupted.error.code).toBe("interrupted");
    // Partial output was checkpointed while streaming.
    expect(interrupted.output.reasoning.length + interrupted.output.text.length).toBeGreaterThan(0);

    const list = await (await fetch(`${server.url}/api/runs?limit=10`)).json();
    expect(list.runs.map((r: { id: string }) => r.id)).toEqual([streamingId, finishedId]);
  } finally {
    await server.stop();
  }
});
