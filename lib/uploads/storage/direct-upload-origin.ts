import { envFlag } from "@/lib/http/peer";

// Where the browser sends a direct upload, from the environment only (proxy.ts
// adds it to the page's connect-src). Null when uploads go through the server.
export function directUploadOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const storage = env.STORAGE?.trim();
  if (storage === "s3") {
    const bucket = env.S3_BUCKET?.trim();
    const endpoint = env.S3_ENDPOINT?.trim();
    if (!endpoint) return bucket ? `https://${bucket}.s3.${env.S3_REGION?.trim() || "us-east-1"}.amazonaws.com` : null;
    try {
      const url = new URL(endpoint);
      const pathStyle = envFlag(env.S3_FORCE_PATH_STYLE);
      return pathStyle || !bucket ? url.origin : `${url.protocol}//${bucket}.${url.host}`;
    } catch {
      return null;
    }
  }
  if (storage === "vercel-blob") {
    try {
      return new URL(env.VERCEL_BLOB_API_URL?.trim() || "https://vercel.com/api/blob").origin;
    } catch {
      return null;
    }
  }
  return null;
}
