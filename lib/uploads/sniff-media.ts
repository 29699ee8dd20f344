import { fileTypeFromBuffer } from "file-type";
import type { UploadKind } from "./upload-limits";

/** The only types accepted, decided from the bytes (never the name or the browser's header). */
export const ACCEPTED_MEDIA: Record<string, UploadKind> = {
  "image/png": "image",
  "image/jpeg": "image",
  "image/webp": "image",
  "image/gif": "image",
  "video/mp4": "video",
  "video/webm": "video",
  "video/quicktime": "video",
};

export function notAcceptedReason(mediaType: string): string {
  return `Files of type ${mediaType} are not accepted: use PNG, JPEG, WebP, GIF, MP4, WebM or MOV.`;
}

export type SniffResult = { ok: true; mediaType: string; kind: UploadKind } | { ok: false; reason: string };

export async function sniffMedia(bytes: Uint8Array): Promise<SniffResult> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type) return { ok: false, reason: "The file's contents are not a recognised image or video (SVG, HTML, text and scripts are refused)." };
  const kind = ACCEPTED_MEDIA[type.mime];
  if (!kind) return { ok: false, reason: notAcceptedReason(type.mime) };
  return { ok: true, mediaType: type.mime, kind };
}
