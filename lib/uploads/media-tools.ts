import "server-only";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

// ffmpeg and ffprobe ship as binaries inside npm packages
// (@ffmpeg-installer/*, @ffprobe-installer/*): nothing is downloaded at run time.
const require = createRequire(import.meta.url);
const ffprobePath = (): string => (require("@ffprobe-installer/ffprobe") as { path: string }).path;
const ffmpegPath = (): string => (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;

/** False in an image built with WITH_FFMPEG=false: the binaries are left out, so videos are refused. */
export function videoToolsAvailable(): boolean {
  try {
    return fs.existsSync(ffprobePath()) && fs.existsSync(ffmpegPath());
  } catch {
    return false;
  }
}

export const NO_VIDEO_TOOLS_MESSAGE = "This server was built without ffmpeg (WITH_FFMPEG=false), so it cannot read or send videos. Images still work.";

/** ffprobe and ffmpeg read files: the bytes in a temporary file for the length of `use`. */
export async function withBytesAsFile<T>(bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "playground-media-"));
  try {
    const file = path.join(dir, "media");
    await fsp.writeFile(file, bytes);
    return await use(file);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

export type VideoMetadata = { durationS: number | null; width: number | null; height: number | null };

/** Duration and dimensions of a video file, read by ffprobe. */
export function probeVideo(file: string): Promise<VideoMetadata> {
  return new Promise((resolve, reject) => {
    execFile(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], { timeout: 20_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(new Error("the video could not be read"));
      try {
        const info = JSON.parse(stdout) as { format?: { duration?: string }; streams?: { codec_type?: string; width?: number; height?: number; duration?: string }[] };
        const video = info.streams?.find((s) => s.codec_type === "video");
        if (!video) return reject(new Error("the file has no video stream"));
        const duration = Number(info.format?.duration ?? video.duration);
        resolve({ durationS: Number.isFinite(duration) ? Math.round(duration * 1000) / 1000 : null, width: video.width ?? null, height: video.height ?? null });
      } catch {
        reject(new Error("the video could not be read"));
      }
    });
  });
}

/** How many frames sampling a video of `durationS` at `fps` gives, capped at `maxFrames` (at least 1). */
export function frameCount(durationS: number | null, fps: number, maxFrames: number): number {
  if (!durationS || durationS <= 0) return 1;
  return Math.max(1, Math.min(maxFrames, Math.floor(durationS * fps + 1e-9)));
}

/** Sample a video into JPEG frames at `fps` (for providers that accept images only). */
export function sampleFrames(file: string, fps: number, maxFrames: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ["-v", "error", "-i", file, "-vf", `fps=${fps},scale='min(1280,iw)':-2`, "-frames:v", String(maxFrames), "-f", "image2pipe", "-vcodec", "mjpeg", "-q:v", "4", "-"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.on("error", () => reject(new Error("frame sampling failed")));
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error("frame sampling failed"));
      resolve(splitJpegs(Buffer.concat(chunks)));
    });
  });
}

/** Split concatenated JPEGs on their start (FFD8) and end (FFD9) markers. */
function splitJpegs(data: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  let start = data.indexOf(Buffer.from([0xff, 0xd8]));
  while (start >= 0) {
    const end = data.indexOf(Buffer.from([0xff, 0xd9]), start + 2);
    if (end < 0) break;
    frames.push(data.subarray(start, end + 2));
    start = data.indexOf(Buffer.from([0xff, 0xd8]), end + 2);
  }
  return frames;
}
