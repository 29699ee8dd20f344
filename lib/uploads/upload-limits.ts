export type UploadKind = "image" | "video";
export type UploadLimits = Record<UploadKind, number>;

const MiB = 1024 * 1024;

/** The one wording of "too big", in the composer and in every 413. */
export function tooLargeMessage(kind: UploadKind, limit: number, size: number): string {
  return `${kind === "image" ? "Images" : "Videos"} may be at most ${formatBytes(limit)}; this one is ${formatBytes(size)}.`;
}

export function formatBytes(n: number): string {
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} B`;
}
