import { AppError } from "./app-error";
import { formatBytes } from "@/lib/uploads/upload-limits";
import { readEnv } from "@/lib/env";

// Every JSON body is read the same way before any validation: at most
// `maxBytes` (413 past it, without reading the rest), at most MAX_DEPTH levels
// of nesting (400 past it: deep values reach recursive code that was not
// written for them), then parsed (400 when it is not JSON).

export const MAX_DEPTH = 64;
const MiB = 1024 * 1024;

/** Body limits per kind of request. */
export const BODY_LIMITS = {
  /** Settings, keys, invites, shares. */
  small: 1 * MiB,
  /** A run: a conversation with its system prompt (media travel as upload URLs). */
  run: 16 * MiB,
  /** A run export bundle being imported. */
  bundle: 64 * MiB,
};

/** OpenAI-shaped requests carry media inline as base64 data URLs: room for a video at the upload limit, and a few images. */
export function inlineMediaBodyLimit(): number {
  const limits = readEnv().uploadLimits;
  return BODY_LIMITS.run + Math.ceil(((limits.video + 4 * limits.image) * 4) / 3);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large", `The request body may be at most ${formatBytes(maxBytes)}.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** True when arrays and objects nest deeper than `max` (strings skipped with indexOf, so long data URLs cost little). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return false;
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 92; k--) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export async function readJsonBody(request: Request, maxBytes: number = BODY_LIMITS.small): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (nestsDeeperThan(text, MAX_DEPTH)) throw new AppError("too_deep", `The request body nests deeper than ${MAX_DEPTH} levels.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body must be valid JSON.");
  }
}
