import fs from "node:fs";
import path from "node:path";
import { expect, pick, test } from "./support/provider-fixtures";

// Images and video attached in the browser reach the simulator and a provider
// fake in the form each accepts; bad files are refused before anything is sent.

const fixtures = path.join(import.meta.dirname, "fixtures");
const png = path.join(fixtures, "sample.png");
const mp4 = path.join(fixtures, "sample.mp4");

test("attach a PNG and an MP4: previews, then the simulator describes both", async ({ playground, page, request }) => {
  await playground.open();
  await expect(page.getByTestId("upload-limits")).toHaveText("PNG, JPEG, WebP, GIF up to 10 MB; MP4, WebM, MOV up to 50 MB");
  await playground.setNumber("sim_tokens_per_second", "2000");
  await page.getByTestId("file-input").setInputFiles([png, mp4]);

  const items = page.getByTestId("attachment");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute("data-status", "ready");
  await expect(items.nth(1)).toHaveAttribute("data-status", "ready");
  await expect(items.nth(0).getByTestId("attachment-image")).toBeVisible();
  await expect(items.nth(0)).toContainText("image/png · 64×48");
  await expect(items.nth(1).getByTestId("attachment-video")).toBeVisible();
  await expect(items.nth(1)).toContainText("video/mp4 · 160×120 · 2.0 s");

  await playground.send("What do you see?");
  await playground.waitForStatus(0, "done");
  await expect(page.getByTestId("attachment")).toHaveCount(0);
  const user = page.getByTestId("message-user").first();
  await expect(user.getByTestId("message-image")).toBeVisible();
  await expect(user.getByTestId("message-video")).toBeVisible();
  const answer = playground.assistant(0).getByTestId("answer");
  await expect(answer.locator("ol li").nth(0)).toHaveText("image/png, 469 bytes, 64×48 px");
  await expect(answer.locator("ol li").nth(1)).toHaveText("video/mp4, 4,999 bytes, 160×120 px, 2 s, 4 frames at 2 fps");
  await expect(playground.assistant(0).getByTestId("attachment-sent")).toHaveCount(2);

  // The stored run references the uploads, which are served back as they are.
  const run = await (await request.get(`/api/runs/${await playground.runId(0)}`)).json();
  const filePart = run.messages[0].parts.find((p: { type: string }) => p.type === "file");
  const served = await request.get(filePart.url);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(run.attachmentsSent.map((a: { form: string }) => a.form)).toEqual(["data-url", "data-url"]);
});

test("Segmind takes images only: the video goes as frames, and the fake receives them", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "segmind::qwen3.5-flash");
  await page.getByTestId("file-input").setInputFiles([png, mp4]);
  await expect(page.getByTestId("attachment").nth(1)).toHaveAttribute("data-status", "ready");
  await playground.send("Describe the clip");
  await playground.waitForStatus(0, "done");
  await expect(playground.assistant(0).getByTestId("attachment-sent").nth(1)).toContainText("video/mp4 sent as 4 frames at 2 fps");
  const [received] = await upstream.requests("segmind");
  const content = received!.body.messages.at(-1).content as { type: string; image_url?: { url: string } }[];
  expect(content.map((p) => p.type)).toEqual(["text", "image_url", "image_url", "image_url", "image_url", "image_url"]);
  expect(content[1]!.image_url!.url).toMatch(/^data:image\/png;base64,/);
  expect(content[2]!.image_url!.url).toMatch(/^data:image\/jpeg;base64,/);
});

test("EmpirioLabs receives image_url and video_url with video_fps", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "empiriolabs::qwen3-5-flash");
  await playground.setNumber("video_fps", "1");
  await page.getByTestId("file-input").setInputFiles([png, mp4]);
  await expect(page.getByTestId("attachment").nth(1)).toHaveAttribute("data-status", "ready");
  await playground.send("Describe");
  await playground.waitForStatus(0, "done");
  const [received] = await upstream.requests("empiriolabs");
  expect(received!.body.video_fps).toBe(1);
  expect((received!.body.messages.at(-1).content as { type: string }[]).map((p) => p.type)).toEqual(["text", "image_url", "video_url"]);
});

test("an SVG, an oversize file and a video the offering cannot take are refused with a reason", async ({ playground, page }) => {
  await pick(playground, "qwen3.5-flash", "ai-gateway::alibaba/qwen3.5-flash");
  await page.getByTestId("file-input").setInputFiles([
    { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    { name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(11 * 1024 * 1024) },
    { name: "sample.mp4", mimeType: "video/mp4", buffer: fs.readFileSync(mp4) },
  ]);
  const items = page.getByTestId("attachment");
  await expect(items.nth(0).getByTestId("attachment-error")).toContainText("not a recognised image or video");
  await expect(items.nth(1).getByTestId("attachment-error")).toHaveText("Images may be at most 10 MB; this one is 11 MB.");
  await expect(items.nth(2).getByTestId("attachment-error")).toContainText("Vercel AI Gateway Qwen3.5 Flash does not accept video");
  await page.getByTestId("composer-input").fill("Send this?");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await expect(page.getByTestId("composer-blocked")).toHaveText("Remove the attachments that cannot be sent.");
  for (let i = 0; i < 3; i++) await items.first().getByTestId("attachment-remove").click();
  await expect(page.getByTestId("send-button")).toBeEnabled();
});

test("drag and drop, and paste, attach files too", async ({ playground, page }) => {
  await playground.open();
  const b64 = fs.readFileSync(png).toString("base64");
  const transfer = (name: string) =>
    page.evaluateHandle(
      ({ data, fileName }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName, { type: "image/png" }));
        return dt;
      },
      { data: b64, fileName: name },
    );
  await page.getByTestId("composer").dispatchEvent("drop", { dataTransfer: await transfer("dropped.png") });
  await page.getByTestId("composer-input").evaluate((el, dt) => el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true })), await transfer("pasted.png"));
  await expect(page.getByTestId("attachment")).toHaveCount(2);
  await expect(page.getByTestId("attachment").nth(0)).toHaveAttribute("data-status", "ready");
  await expect(page.getByTestId("attachment").nth(1)).toHaveAttribute("data-status", "ready");
  await expect(page.getByTestId("attachment").nth(1)).toContainText("image/png · 64×48");
});
