import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { readEnv } from "@/lib/env";

// Content-addressed storage under DATA_DIR/uploads: the path comes from the
// sha256 of the bytes only, so a file name can never choose where it is
// written, and the same file twice is stored once.

export const UPLOAD_ID = /^[0-9a-f]{64}$/;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function uploadPath(id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error("invalid upload id");
  return path.join(readEnv().dataDir, "uploads", id.slice(0, 2), id);
}

/** Write once, atomically (temp file + rename). */
export async function storeBytes(id: string, bytes: Uint8Array): Promise<string> {
  const file = uploadPath(id);
  try {
    await fs.access(file);
    return file;
  } catch {
    /* not stored yet */
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, file);
  return file;
}

export function readStored(id: string): Promise<Buffer> {
  return fs.readFile(uploadPath(id));
}
