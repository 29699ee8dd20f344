import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import S3rver from "s3rver";
import { noiseVideo } from "../test/support/noise-video";
import { watchCsp } from "./support/csp-guard";
import { AppServer, freePort, tempDataDir } from "./support/app-server";

// STORAGE=s3 against s3rver on 127.0.0.1: a small image goes through the
// server; a video over 4 MB goes from the browser straight to the bucket (a
// signed PUT, allowed by the page's CSP and the bucket's CORS), is checked by
// the server afterwards, and then runs and is served like any upload.

const fixtures = path.join(import.meta.dirname, "fixtures");
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule></CORSConfiguration>`;

let s3: S3rver;
let s3Endpoint = "";
let server: AppServer;
let bigVideo: string;
const requests: string[] = [];

test.beforeAll(async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "playground-s3rver-"));
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: "uploads", configs: [CORS] }] });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  bigVideo = noiseVideo(6, "320x240");
  server = new AppServer(await freePort(), tempDataDir(), {
    STORAGE: "s3",
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET: "uploads",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  });
  await server.start();
});
test.afterAll(async () => {
  await server?.stop();
  await s3?.close();
});

test("a large video goes from the browser straight to the bucket, is checked, then runs and is served", async ({ page }) => {
  expect(fs.statSync(bigVideo).size).toBeGreaterThan(4 * 1024 * 1024);
  const violations = await watchCsp(page);
  page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).host}${new URL(r.url()).pathname}`));
  await page.goto(server.url);
  await page.getByTestId("file-input").setInputFiles([path.join(fixtures, "sample.png"), bigVideo]);
  const items = page.getByTestId("attachment");
  await expect(items.nth(0)).toHaveAttribute("data-status", "ready");
  await expect(items.nth(1)).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(items.nth(1)).toContainText("video/mp4 · 320×240 · 6.0 s");

  const bucketHost = new URL(s3Endpoint).host;
  expect(requests.filter((r) => r.startsWith(`PUT ${bucketHost}/uploads/incoming/`))).toHaveLength(1);
  expect(requests.filter((r) => r.endsWith("/api/uploads/direct/complete"))).toHaveLength(1);
  // The small image still went through the server.
  expect(requests.filter((r) => r.startsWith("POST") && r.endsWith("/api/uploads"))).toHaveLength(1);

  await page.getByTestId("composer-input").fill("What do you see?");
  await page.getByTestId("send-button").click();
  await expect(page.getByTestId("message-assistant").first().getByTestId("run-stats")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId("answer").first().locator("ol li").nth(1)).toContainText("video/mp4");
  await expect(page.getByTestId("answer").first().locator("ol li").nth(1)).toContainText("320×240 px, 6 s");

  const video = page.getByTestId("message-user").first().getByTestId("message-video");
  const src = (await video.getAttribute("src"))?.split("#")[0];
  expect(src).toMatch(/^\/api\/uploads\/[0-9a-f]{64}$/);
  const served = await page.request.get(`${server.url}${src}`);
  expect(served.status()).toBe(200);
  expect((await served.body()).byteLength).toBe(fs.statSync(bigVideo).size);
  expect(violations).toEqual([]);
});
