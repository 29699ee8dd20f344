import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// Runs with attachments leave one instance as a JSON bundle and arrive in another, once.

test("export from one instance and import into another, without duplicates", async ({ page }) => {
  const source = new AppServer(await freePort(), tempDataDir());
  const target = new AppServer(await freePort(), tempDataDir());
  await Promise.all([source.start(), target.start()]);
  try {
    const png = fs.readFileSync(path.join(import.meta.dirname, "fixtures/sample.png"));
    const form = new FormData();
    form.append("file", new File([png], "sample.png"));
    const upload = await (await fetch(`${source.url}/api/uploads`, { method: "POST", body: form })).json();
    const response = await fetch(`${source.url}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_tokens_per_second: 5000 }, messages: [{ role: "user", parts: [{ type: "text", text: "Portable run with a picture" }, { type: "file", mediaType: "image/png", url: `/api/uploads/${upload.id}` }] }] }),
    });
    const runId = response.headers.get("x-run-id")!;
    await response.text();
    await expect.poll(async () => (await (await fetch(`${source.url}/api/runs/${runId}`)).json()).status).toBe("done");

    await page.goto(`${source.url}/history`);
    await page.getByTestId("row-select").first().check();
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-selected").click();
    const file = await (await downloading).path();

    await page.goto(`${target.url}/history`);
    await page.getByTestId("import-input").setInputFiles(file!);
    await expect(page.getByTestId("import-note")).toHaveText("Imported 1 run(s), 1 file(s); 0 already here.");
    await expect(page.getByTestId("row-words")).toHaveText("Portable run with a picture");
    await page.getByTestId("import-input").setInputFiles(file!);
    await expect(page.getByTestId("import-note")).toHaveText("Imported 0 run(s), 0 file(s); 1 already here.");
    await expect(page.getByTestId("history-row")).toHaveCount(1);

    // The imported run shows its attachment, served by the target instance.
    await page.goto(`${target.url}/runs/${runId}`);
    await expect(page.getByTestId("message-image")).toBeVisible();
    const served = await fetch(`${target.url}/api/uploads/${upload.id}`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  } finally {
    await Promise.all([source.stop(), target.stop()]);
  }
});
