import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { OWNER, signedIn, simulatorRun, startTeamServer } from "./support/team";

// The owner downloads a backup from /admin; `npm run restore -- <file>` takes
// that .tar.gz as it is, and a fresh instance then has the run.

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

test("the owner downloads a backup from /admin and npm run restore brings it back elsewhere", async ({ page }) => {
  const source = await startTeamServer();
  const target = tempDataDir();
  try {
    const owner = await signedIn(source.url, OWNER.email, OWNER.password);
    const runId = await simulatorRun(owner, "a run worth keeping");
    await expect.poll(async () => (await (await owner.get(`/api/runs/${runId}`)).json()).status).toBe("done");
    const kept = await (await owner.get(`/api/runs/${runId}`)).json();

    await page.goto(`${source.url}/sign-in`);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByTestId("auth-submit").click();
    await expect(page.getByTestId("user-role")).toHaveText("owner");
    await page.goto(`${source.url}/admin`);
    const downloading = page.waitForEvent("download", { timeout: 30_000 });
    await page.getByTestId("backup-download").click();
    const download = await downloading.catch(async (error: Error) => {
      // Say what the server answers the same request with, so a missed download can be told apart from a slow or failed backup.
      const started = Date.now();
      const direct = await owner.get("/api/admin/backup");
      throw new Error(`${error.message}\nGET /api/admin/backup answered ${direct.status()} in ${Date.now() - started} ms; server log:\n${source.output().slice(-4000)}`);
    });
    expect(download.suggestedFilename()).toMatch(/^playground-backup-.+\.tar\.gz$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "playground-dl-")), download.suggestedFilename());
    await download.saveAs(file);
    await owner.dispose();

    const restored = await run("npm", ["run", "--silent", "restore", "--", file], { cwd: root, env: { ...process.env, DATA_DIR: target } });
    expect(restored.stdout).toContain("restored the backup");
    const copy = new AppServer(await freePort(), target, { AUTH_MODE: "password" });
    await copy.start();
    try {
      const again = await signedIn(copy.url, OWNER.email, OWNER.password);
      const record = await (await again.get(`/api/runs/${runId}`)).json();
      expect(record.output.text).toBe(kept.output.text);
      expect(record.status).toBe("done");
      await again.dispose();
    } finally {
      await copy.stop();
    }
  } finally {
    await source.stop();
  }
});
