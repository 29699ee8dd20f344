import type { StorageEnv } from "@/lib/env";

// Where the browser sends a direct upload, from the settings only (proxy.ts
// adds it to the page's connect-src). Null when uploads go through the server.
export function directUploadOrigin(storage: StorageEnv): string | null {
  if (storage.kind === "s3") {
    if (!storage.endpoint) return `https://${storage.bucket}.s3.${storage.region ?? "us-east-1"}.amazonaws.com`;
    const url = new URL(storage.endpoint);
    return storage.forcePathStyle ? url.origin : `${url.protocol}//${storage.bucket}.${url.host}`;
  }
  if (storage.kind === "vercel-blob") return new URL(storage.apiUrl ?? "https://vercel.com/api/blob").origin;
  return null;
}
