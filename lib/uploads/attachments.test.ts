import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { runThrough, startFakeProviders, uploadFixture } from "@/test/support/provider-contract";
import { startRun } from "@/lib/runs/start-run";
import { ownerActor } from "@/test/support/test-actor";

// Each provider receives images and video the way its API accepts them.

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
let image: Awaited<ReturnType<typeof uploadFixture>>;
let video: Awaited<ReturnType<typeof uploadFixture>>;
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures", name));
const pngUrl = `data:image/png;base64,${fixture("sample.png").toString("base64")}`;
const mp4Url = `data:video/mp4;base64,${fixture("sample.mp4").toString("base64")}`;

beforeAll(async () => {
  harness = await startFakeProviders();
  image = await uploadFixture("sample.png");
  video = await uploadFixture("sample.mp4");
});
afterAll(() => harness.close());

const lastContent = (run: Awaited<ReturnType<typeof runThrough>>) => run.requests[0]!.body.messages.at(-1).content as Record<string, any>[];

describe("attachments on the wire", () => {
  it("EmpirioLabs: image_url and video_url as data URLs, video_fps in the body; the run records what was sent", async () => {
    const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Describe these", params: { video_fps: 1 }, files: [image, video] });
    expect(lastContent(run)).toEqual([
      { type: "text", text: "Describe these" },
      { type: "image_url", image_url: { url: pngUrl } },
      { type: "video_url", video_url: { url: mp4Url } },
    ]);
    expect(run.requests[0]!.body.video_fps).toBe(1);
    expect(run.record.attachmentsSent).toEqual([
      { uploadId: image.id, mediaType: "image/png", form: "data-url", bytesSent: 469 },
      { uploadId: video.id, mediaType: "video/mp4", form: "data-url", bytesSent: fixture("sample.mp4").byteLength, fps: 1 },
    ]);
    // The stored conversation keeps the upload references, not the bytes.
    expect(JSON.stringify(run.record.messages)).toContain(`/api/uploads/${image.id}`);
    expect(JSON.stringify(run.record.messages)).not.toContain("base64");
  });

  it("OpenRouter: image_url and video_url", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23", text: "Hi", files: [image, video] });
    expect(lastContent(run).map((p) => p.type)).toEqual(["text", "image_url", "video_url"]);
  });

  it("Alibaba Model Studio: fps goes beside video_url", async () => {
    const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: "Hi", files: [video] });
    expect(lastContent(run)[1]).toEqual({ type: "video_url", video_url: { url: mp4Url }, fps: 2 });
  });

  it("Alibaba Model Studio: video_fps reaches the fps beside video_url and is not a body field", async () => {
    const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: "Hi", params: { video_fps: 0.5 }, files: [video] });
    expect(lastContent(run)[1]).toEqual({ type: "video_url", video_url: { url: mp4Url }, fps: 0.5 });
    expect(run.requests[0]!.body).not.toHaveProperty("video_fps");
    expect(run.record.attachmentsSent).toMatchObject([{ form: "data-url", fps: 0.5 }]);
  });

  it("Segmind: video_fps sets how many frames a video becomes; the body stays { messages }", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "What happens?", params: { video_fps: 1 }, files: [video] });
    // A 2 s video at 1 fps: 2 frames.
    expect(lastContent(run).map((p) => p.type)).toEqual(["text", "image_url", "image_url"]);
    expect(Object.keys(run.requests[0]!.body)).toEqual(["messages"]);
    expect(run.record.attachmentsSent).toMatchObject([{ form: "frames", frames: 2, fps: 1 }]);
  });

  it("Segmind takes images only: the video goes as frames sampled at the chosen fps", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "What happens?", files: [video] });
    const content = lastContent(run);
    // A 2 s video at the default 2 fps: 4 frames.
    expect(content.map((p) => p.type)).toEqual(["text", "image_url", "image_url", "image_url", "image_url"]);
    expect(content[1]!.image_url.url).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(run.record.attachmentsSent).toMatchObject([{ uploadId: video.id, form: "frames", frames: 4, fps: 2 }]);
  });

  it.each([
    ["ai-gateway", "alibaba/qwen3.5-flash"],
    ["dashscope", "qwen3.5-flash"],
    ["openai-compatible", "qwen3.5-4b-local"],
  ])("%s: an image goes as image_url with a data URL", async (provider, model) => {
    const run = await runThrough(harness.fake, { provider, model, text: "Hi", files: [image] });
    expect(lastContent(run)).toEqual([
      { type: "text", text: "Hi" },
      { type: "image_url", image_url: { url: pngUrl } },
    ]);
    expect(run.record.attachmentsSent).toEqual([{ uploadId: image.id, mediaType: "image/png", form: "data-url", bytesSent: 469 }]);
  });

  it("an attachment the offering cannot take is refused with a reason before any upstream call", async () => {
    const before = harness.fake.requests.length;
    const owner = await ownerActor();
    const send = (provider: string, model: string, files: object[]) =>
      startRun(
        new Request("http://localhost/api/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ provider, model, messages: [{ role: "user", parts: [{ type: "text", text: "Hi" }, ...files] }] }),
        }),
        owner,
      ).catch((e: unknown) => e);
    expect(await send("ai-gateway", "alibaba/qwen3.5-flash", [video])).toMatchObject({ status: 400, code: "unsupported_attachment", message: "Vercel AI Gateway Qwen3.5 Flash does not accept video." });
    expect(await send("openai-compatible", "llama3.1:8b", [video])).toMatchObject({ status: 400, code: "unsupported_attachment" });
    expect(await send("simulator", "qwen3.5-flash", [{ type: "file", url: "https://example.com/cat.png", mediaType: "image/png" }])).toBeInstanceOf(AppError);
    expect(await send("simulator", "qwen3.5-flash", [{ type: "file", url: `/api/uploads/${"a".repeat(64)}`, mediaType: "image/png" }])).toMatchObject({ code: "unknown_upload" });
    expect(harness.fake.requests.length).toBe(before);
  });

  it("the simulator describes each attachment it received", async () => {
    const { serveFetchHandler } = await import("@/test/support/serve-fetch-handler");
    const { handleSimulatorRequest } = await import("@/lib/simulator/handle-simulator-request");
    const sim = await serveFetchHandler(handleSimulatorRequest);
    process.env.SIMULATOR_BASE_URL = `${sim.url}/v1`;
    try {
      const run = await runThrough(harness.fake, { provider: "simulator", model: "qwen3.5-flash", text: "What is this?", params: { sim_ttft_ms: 0, sim_tokens_per_second: 5000 }, files: [image, video] });
      expect(run.record.output.text).toContain("1. image/png, 469 bytes, 64×48 px");
      expect(run.record.output.text).toContain(`2. video/mp4, ${fixture("sample.mp4").byteLength.toLocaleString("en-US")} bytes, 160×120 px, 2 s, 4 frames at 2 fps`);
    } finally {
      await sim.close();
    }
  });
});
