import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

/** A real MP4 of noise (which does not compress, so seconds set the size), made with the bundled ffmpeg. */
export function noiseVideo(seconds: number, size = "640x360"): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "playground-video-")), "noise.mp4");
  const ffmpeg = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  execFileSync(ffmpeg, ["-v", "error", "-f", "lavfi", "-i", `testsrc=size=${size}:rate=25,noise=alls=80:allf=t+u`, "-t", String(seconds), "-c:v", "mpeg4", "-q:v", "2", "-y", file]);
  return file;
}
