import "server-only";
import { createHash } from "node:crypto";
import { uploadStorage } from "./storage";

// Content-addressed uploads: the key comes from the sha256 of the bytes only,
// so a file name can never choose where it is written, and the same file twice
// is stored once. The bytes live in whichever store STORAGE names.

export const UPLOAD_ID = /^[0-9a-f]{64}$/;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function uploadKey(id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error("invalid upload id");
  return `uploads/${id.slice(0, 2)}/${id}`;
}

/** Write once: the same bytes are never stored twice. */
export async function storeBytes(id: string, bytes: Uint8Array, contentType: string): Promise<void> {
  const storage = uploadStorage();
  if (await storage.exists(uploadKey(id))) return;
  await storage.put(uploadKey(id), bytes, contentType);
}

export function readStored(id: string): Promise<Buffer> {
  return uploadStorage().read(uploadKey(id));
}

export function streamStored(id: string): Promise<ReadableStream<Uint8Array>> {
  return uploadStorage().stream(uploadKey(id));
}
