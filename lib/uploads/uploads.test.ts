import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { handleUpload } from "./handle-upload";
import { frameCount, probeVideo, sampleFrames } from "./media-tools";
import { serveUpload } from "./serve-upload";
import { ownerActor } from "@/test/support/test-actor";
import { sniffMedia } from "./sniff-media";
import { readEnv } from "@/lib/env";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures", name)));
const png = fixture("sample.png");
const mp4 = fixture("sample.mp4");
const text = (s: string) => new TextEncoder().encode(s);

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-uploads-"));
});

async function upload(bytes: Uint8Array, name: string, type = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new File([Buffer.from(bytes)], name, { type }));
  return handleUpload(new Request("http://localhost/api/uploads", { method: "POST", body: form }), await ownerActor());
}

describe("sniffMedia decides the type from the bytes", () => {
  it("accepts real images and videos", async () => {
    expect(await sniffMedia(png)).toEqual({ ok: true, mediaType: "image/png", kind: "image" });
    expect(await sniffMedia(mp4)).toEqual({ ok: true, mediaType: "video/mp4", kind: "video" });
  });

  it.each([
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["HTML", text("<!doctype html><html><body><script>alert(1)</script></body></html>")],
    ["a 'PNG' that is really text", text("I am definitely a PNG, trust me")],
    ["a Windows executable", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Uint8Array(200)])],
    ["a PDF", text("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")],
  ])("refuses %s", async (_name, bytes) => {
    expect((await sniffMedia(bytes)).ok).toBe(false);
  });
});

describe("limits and frame sampling", () => {
  it("reads limits per kind from the environment, and refuses a value that is not a size", () => {
    expect(readEnv({}).uploadLimits).toEqual({ image: 10 * 1024 * 1024, video: 50 * 1024 * 1024 });
    expect(readEnv({ UPLOAD_MAX_IMAGE_BYTES: "2048", UPLOAD_MAX_VIDEO_BYTES: "" }).uploadLimits).toEqual({ image: 2048, video: 50 * 1024 * 1024 });
    expect(() => readEnv({ UPLOAD_MAX_VIDEO_BYTES: "nonsense" })).toThrow("Invalid setting UPLOAD_MAX_VIDEO_BYTES: UPLOAD_MAX_VIDEO_BYTES must be a number");
  });

  it.each([
    [2, 2, 32, 4],
    [2, 0.5, 32, 1],
    [2, 10, 32, 20],
    [60, 2, 32, 32],
    [0.3, 2, 32, 1],
    [null, 2, 32, 1],
  ])("a %ss video at %s fps (max %i) gives %i frames", (duration, fps, max, expected) => {
    expect(frameCount(duration, fps, max)).toBe(expected);
  });

  it("ffprobe reads the fixture and ffmpeg samples the frames the count says", async () => {
    const file = path.join(import.meta.dirname, "../../e2e/fixtures/sample.mp4");
    expect(await probeVideo(file)).toEqual({ durationS: 2, width: 160, height: 120 });
    const frames = await sampleFrames(file, 2, 32);
    expect(frames).toHaveLength(frameCount(2, 2, 32));
    expect(frames.every((f) => f[0] === 0xff && f[1] === 0xd8)).toBe(true);
  });
});

describe("POST /api/uploads and GET /api/uploads/:id", () => {
  it("stores a PNG by its sha256 with its dimensions, once, whatever it was called", async () => {
    const first = await upload(png, "../../etc/passwd.png", "text/plain");
    expect(first.status).toBe(201);
    const info = await first.json();
    expect(info).toMatchObject({ mediaType: "image/png", size: png.byteLength, width: 64, height: 48 });
    expect(info.id).toMatch(/^[0-9a-f]{64}$/);
    expect(info.sha256).toBe(info.id);
    const stored = path.join(process.env.DATA_DIR!, "uploads", info.id.slice(0, 2), info.id);
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(png));

    const again = await upload(png, "another-name.png");
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(info.id);
    expect(fs.readdirSync(path.dirname(stored))).toEqual([info.id]);

    const served = await serveUpload(info.id);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it("reads a video's duration and dimensions", async () => {
    const info = await (await upload(mp4, "clip.mov", "video/quicktime")).json();
    expect(info).toMatchObject({ mediaType: "video/mp4", width: 160, height: 120, durationS: 2 });
  });

  it("refuses SVG and disguised files with 415, and oversize files with 413", async () => {
    const svg = await upload(text('<svg xmlns="http://www.w3.org/2000/svg"/>'), "x.png", "image/png").catch((e: unknown) => e);
    expect(svg).toMatchObject({ status: 415, code: "unsupported_media", field: "file" });
    process.env.UPLOAD_MAX_IMAGE_BYTES = "100";
    try {
      const big = await upload(png, "big.png").catch((e: unknown) => e);
      expect(big).toBeInstanceOf(AppError);
      expect(big).toMatchObject({ status: 413, code: "too_large", message: "Images may be at most 100 B; this one is 469 B." });
    } finally {
      delete process.env.UPLOAD_MAX_IMAGE_BYTES;
    }
    await expect(serveUpload("../../etc/passwd")).rejects.toMatchObject({ status: 400 });
    await expect(serveUpload("0".repeat(64))).rejects.toMatchObject({ status: 404 });
  });
});
