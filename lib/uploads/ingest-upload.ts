import "server-only";
import { imageSize } from "image-size";
import { getUpload, saveUpload } from "@/db/queries";
import { addUploadOwner } from "@/db/team-queries";
import type { UploadRow } from "@/db/schema";
import { AppError } from "@/lib/http/app-error";
import { NO_VIDEO_TOOLS_MESSAGE, probeVideo, videoToolsAvailable, withBytesAsFile } from "./media-tools";
import type { Sniffed } from "./check-upload";
import { sha256, storeBytes } from "./upload-store";


/**
 * Stores checked bytes once (content-addressed), reads their dimensions or
 * duration, and records who sent them. Shared by POST /api/uploads and the
 * gateway's data: URL attachments.
 */
export async function ingestUpload(bytes: Uint8Array, sniffed: Sniffed, userId: string, field = "file"): Promise<{ row: UploadRow; created: boolean }> {
  const id = sha256(bytes);
  const existing = await getUpload(id);
  if (existing) {
    await addUploadOwner(id, userId);
    return { row: existing, created: false };
  }
  if (sniffed.kind === "video" && !videoToolsAvailable()) throw new AppError("video_unsupported", NO_VIDEO_TOOLS_MESSAGE, field);
  let meta: Pick<UploadRow, "width" | "height" | "durationS"> = { width: null, height: null, durationS: null };
  try {
    if (sniffed.kind === "image") {
      const size = imageSize(bytes);
      meta = { width: size.width ?? null, height: size.height ?? null, durationS: null };
    } else {
      meta = await withBytesAsFile(bytes, probeVideo);
    }
  } catch (error) {
    throw new AppError("unreadable_media", `The file looks like ${sniffed.mediaType} but could not be read: ${error instanceof Error ? error.message : "invalid"}.`, field);
  }
  // Checked first, stored after: a file that fails is never kept.
  await storeBytes(id, bytes, sniffed.mediaType);
  const row = await saveUpload({ id, mediaType: sniffed.mediaType, size: bytes.byteLength, ...meta, createdAt: new Date() });
  await addUploadOwner(id, userId);
  return { row, created: true };
}
