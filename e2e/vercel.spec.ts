import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// Built and served as on Vercel (VERCEL=1) without DATABASE_URL: every page
// explains how to add a Turso database instead of a 500, and the API answers
// 503 with the same reason in its usual error shape.

const root = path.resolve(import.meta.dirname, "..");
const env = { VERCEL: "1", NEXT_DIST_DIR: ".next-vercel" };

test("a Vercel build without a database shows how to add Turso, not a 500", async ({ page }) => {
  test.setTimeout(300_000);
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  expect(build.status, build.stderr + build.stdout).toBe(0);

  const server = new AppServer(await freePort(), tempDataDir(), env);
  await server.start((health) => health.status === 503);
  try {
    for (const pathname of ["/", "/history", "/compare", "/admin"]) {
      const response = await page.goto(`${server.url}${pathname}`);
      expect(response?.status(), pathname).toBe(503);
      await expect(page.getByRole("heading", { name: "Add a Turso database" })).toBeVisible();
      await expect(page.getByText("DATABASE_AUTH_TOKEN").first()).toBeVisible();
    }
    for (const pathname of ["/api/health", "/api/runs", "/api/catalog"]) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status, pathname).toBe(503);
      const body = await response.json();
      expect(body.error.code, pathname).toBe("database_not_configured");
      expect(body.error.message).toContain("Turso");
    }
  } finally {
    await server.stop();
  }
});
