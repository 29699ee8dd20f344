import "server-only";
import { imageSize } from "image-size";
import { sniffMedia } from "@/lib/uploads/sniff-media";
import { frameCount, probeVideo, withBytesAsFile } from "@/lib/uploads/media-tools";

// The simulator reads the media parts it received (image_url / video_url with
// data URLs) the way a model service would, and describes each one, so the
// whole attachment path is visible without a key.

type ContentPart = { type?: string; image_url?: { url?: string }; video_url?: { url?: string }; fps?: number };

function decode(url: string | undefined): Buffer | null {
  const match = url?.match(/^data:([^;,]+)?(;base64)?,(.*)$/s);
  if (!match?.[2]) return null;
  return Buffer.from(match[3]!, "base64");
}

async function describeVideo(bytes: Buffer, fps: number): Promise<string> {
  try {
    const meta = await withBytesAsFile(bytes, probeVideo);
    const frames = frameCount(meta.durationS, fps, Number.MAX_SAFE_INTEGER);
    return `${meta.width}×${meta.height} px, ${meta.durationS} s, ${frames} frames at ${fps} fps`;
  } catch {
    return "unreadable video";
  }
}

export async function describeAttachments(messages: { role: string; content: unknown }[], videoFps: number): Promise<string[]> {
  const last = [...messages].reverse().find((m) => m.role === "user");
  if (!Array.isArray(last?.content)) return [];
  const out: string[] = [];
  for (const part of last.content as ContentPart[]) {
    const isVideo = part.type === "video_url";
    if (part.type !== "image_url" && !isVideo) continue;
    const bytes = decode(isVideo ? part.video_url?.url : part.image_url?.url);
    if (!bytes) {
      out.push(`${part.type} by URL (not fetched)`);
      continue;
    }
    const sniffed = await sniffMedia(bytes);
    const type = sniffed.ok ? sniffed.mediaType : "unknown type";
    const size = `${bytes.byteLength.toLocaleString("en-US")} bytes`;
    if (isVideo) {
      out.push(`${type}, ${size}, ${await describeVideo(bytes, part.fps ?? videoFps)}`);
    } else {
      let dims = "unknown size";
      try {
        const s = imageSize(bytes);
        dims = `${s.width}×${s.height} px`;
      } catch {
        /* not an image the simulator can read */
      }
      out.push(`${type}, ${size}, ${dims}`);
    }
  }
  return out;
}
