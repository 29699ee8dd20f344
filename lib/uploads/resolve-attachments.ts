import "server-only";
import type { UIMessage } from "ai";
import { getUpload } from "@/db/queries";
import type { AttachmentSent, UploadRow } from "@/db/schema";
import type { Offering, ProviderCatalog } from "@/lib/catalog/schema";
import { AppError } from "@/lib/http/app-error";
import type { ParamValues } from "@/lib/params/param-validator";
import { UPLOAD_URL } from "./attached-uploads";
import { deliveryFor } from "./delivery";
import { frameCount, sampleFrames, withBytesAsFile } from "./media-tools";
import { readStored } from "./upload-store";

// Turns attachments (file parts pointing at /api/uploads/:id) into what the
// chosen offering accepts: images and videos inline as data URLs, or, for a
// provider that takes images only, a video as frames sampled at the chosen
// fps. Everything is checked before any upstream call, and what was sent is
// recorded with the run.

type UiPart = UIMessage["parts"][number];
type FilePart = Extract<UiPart, { type: "file" }>;

/** Most frames a video becomes for an image-only provider. */
const MAX_FRAMES = 32;
const DEFAULT_FPS = 2;


/** Whether the person starting the run may use this upload (theirs, a teammate's shared run's, or on a share link they opened). */
export type UploadAccess = (uploadId: string, shareId: string | null) => Promise<boolean>;

function videoFps(params: ParamValues): number {
  const fps = params.video_fps ?? params.fps;
  return typeof fps === "number" && fps > 0 ? fps : DEFAULT_FPS;
}

function dataUrl(mediaType: string, bytes: Buffer): string {
  return `data:${mediaType};base64,${bytes.toString("base64")}`;
}

async function loadUpload(part: FilePart, access: UploadAccess): Promise<UploadRow> {
  const match = part.url.match(UPLOAD_URL);
  const id = match?.[1];
  if (!id) throw new AppError("invalid_attachment", "Attachments must be uploaded first (POST /api/uploads) and referenced by their /api/uploads/:id URL.", "messages");
  const row = await getUpload(id);
  // Someone else's file is "unknown" too: ids are never confirmed.
  if (!row || !(await access(id, match?.[2] ?? null))) throw new AppError("unknown_upload", `No upload with id ${id}.`, "messages");
  return row;
}

export type ResolvedAttachments = { messages: UIMessage[]; sent: AttachmentSent[] };

export async function resolveAttachments(messages: UIMessage[], provider: ProviderCatalog, offering: Offering, params: ParamValues, access: UploadAccess): Promise<ResolvedAttachments> {
  const sent: AttachmentSent[] = [];
  const out: UIMessage[] = [];

  for (const message of messages) {
    if (!message.parts.some((p) => p.type === "file")) {
      out.push(message);
      continue;
    }
    const parts: UiPart[] = [];
    for (const part of message.parts) {
      if (part.type !== "file") {
        parts.push(part);
        continue;
      }
      const upload = await loadUpload(part, access);
      const kind = upload.mediaType.startsWith("video/") ? "video" : "image";
      const bytes = await readStored(upload.id);

      const delivery = deliveryFor(offering, kind);
      if (!delivery) throw new AppError("unsupported_attachment", `${provider.name} ${offering.label} does not accept ${kind === "image" ? "images" : "video"}.`, "messages");
      if (kind === "image") {
        parts.push({ type: "file", mediaType: upload.mediaType, filename: part.filename, url: dataUrl(upload.mediaType, bytes) });
        sent.push({ uploadId: upload.id, mediaType: upload.mediaType, form: "data-url", bytesSent: bytes.byteLength });
        continue;
      }

      const fps = videoFps(params);
      if (delivery === "inline") {
        // An offering whose video_fps goes with the attachment (DashScope) reads it as an `fps` sibling of
        // video_url; others take video_fps as a body field.
        const fpsOnPart = offering.params.some((p) => p.name === "video_fps" && p.wire === "attachments") ? { providerMetadata: { openaiCompatible: { fps } } } : {};
        parts.push({ type: "file", mediaType: upload.mediaType, filename: part.filename, url: dataUrl(upload.mediaType, bytes), ...fpsOnPart });
        sent.push({ uploadId: upload.id, mediaType: upload.mediaType, form: "data-url", bytesSent: bytes.byteLength, fps });
        continue;
      }
      const frames = await withBytesAsFile(bytes, (file) => sampleFrames(file, fps, frameCount(upload.durationS, fps, MAX_FRAMES)));
      if (frames.length === 0) throw new AppError("unreadable_media", "No frames could be sampled from the video.", "messages");
      for (const frame of frames) parts.push({ type: "file", mediaType: "image/jpeg", url: dataUrl("image/jpeg", frame) });
      sent.push({ uploadId: upload.id, mediaType: upload.mediaType, form: "frames", bytesSent: frames.reduce((n, f) => n + f.byteLength, 0), frames: frames.length, fps });
    }
    out.push({ ...message, parts });
  }
  return { messages: out, sent };
}
