import "server-only";
import { AppError } from "@/lib/http/app-error";
import { sniffMedia } from "./sniff-media";
import { readEnv } from "@/lib/env";
import { tooLargeMessage, type UploadKind } from "./upload-limits";

export type Sniffed = Extract<Awaited<ReturnType<typeof sniffMedia>>, { ok: true }>;

/** 413 when `size` is over the limit for its kind. */
export function requireWithinLimit(kind: UploadKind, size: number, field: string): void {
  const limit = readEnv().uploadLimits[kind];
  if (size > limit) throw new AppError("too_large", tooLargeMessage(kind, limit, size), field);
}

/**
 * The checks every way in shares (a posted file, a gateway data: URL, a direct
 * upload): the type decided from the first bytes (415 otherwise) and the size
 * within its kind's limit (413 otherwise).
 */
export async function checkUpload(head: Uint8Array, size: number, field: string): Promise<Sniffed> {
  const sniffed = await sniffMedia(head.subarray(0, 8192));
  if (!sniffed.ok) throw new AppError("unsupported_media", sniffed.reason, field);
  requireWithinLimit(sniffed.kind, size, field);
  return sniffed;
}
