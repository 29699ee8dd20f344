import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { UploadRow } from "@/db/schema";
import { AppError } from "@/lib/http/app-error";
import { ingestUpload } from "./ingest-upload";
import { checkUpload } from "./check-upload";
import { readEnv } from "@/lib/env";
import { formatBytes } from "./upload-limits";

export type UploadInfo = { id: string; mediaType: string; size: number; sha256: string; width?: number; height?: number; durationS?: number };

export function toUploadInfo(row: UploadRow): UploadInfo {
  return {
    id: row.id,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.id,
    ...(row.width != null ? { width: row.width } : {}),
    ...(row.height != null ? { height: row.height } : {}),
    ...(row.durationS != null ? { durationS: row.durationS } : {}),
  };
}

/** POST /api/uploads (multipart `file`): type from the bytes, limits per kind, metadata, content-addressed store. */
export async function handleUpload(request: Request, actor: Pick<Actor, "id">): Promise<Response> {
  const limits = readEnv().uploadLimits;
  const largest = Math.max(limits.image, limits.video);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > largest + 64 * 1024) {
    throw new AppError("too_large", `The upload is ${formatBytes(declared)}; the largest accepted is ${formatBytes(largest)}.`, "file");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("invalid_upload", "Send the file as multipart/form-data in a field named \"file\".", "file");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("invalid_upload", "No file in the \"file\" field.", "file");

  const sniffed = await checkUpload(new Uint8Array(await file.slice(0, 8192).arrayBuffer()), file.size, "file");

  const bytes = new Uint8Array(await file.arrayBuffer());
  const { row, created } = await ingestUpload(bytes, sniffed, actor.id);
  return Response.json(toUploadInfo(row), { status: created ? 201 : 200 });
}
