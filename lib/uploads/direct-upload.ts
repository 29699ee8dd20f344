import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authSecret } from "@/lib/auth/auth-secret";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { toUploadInfo } from "./handle-upload";
import { ingestUpload } from "./ingest-upload";
import { checkUpload, requireWithinLimit } from "./check-upload";
import { ACCEPTED_MEDIA, notAcceptedReason } from "./sniff-media";
import { uploadStorage } from "./storage";

// Files bigger than a serverless request may carry (Vercel: 4.5 MB) go from the
// browser straight to the store: the server signs a PUT for one staging key,
// then checks the bytes that arrived exactly as it checks a posted file (type
// from the bytes, size, dimensions, duration) before filing them under their
// sha256. A file that fails is deleted. The staging token is bound to the
// person, the type and the size, so nobody can complete someone else's upload.

const startSchema = z.object({
  mediaType: z.string().min(1),
  size: z.number().int().positive(),
});
const completeSchema = z.object({ token: z.string().min(1).max(300) });

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`direct-upload\n${payload}`).digest("base64url");
}

function stagingKey(stagingId: string): string {
  return `incoming/${stagingId}`;
}

/** POST /api/uploads/direct: a signed PUT for one file, or 409 when this store takes uploads through the server. */
export async function startDirectUpload(body: unknown, actor: Pick<Actor, "id">) {
  const storage = uploadStorage();
  if (!storage.directUploadTarget) {
    throw new AppError("direct_upload_unavailable", "This server stores uploads itself: send the file to POST /api/uploads.");
  }
  const { mediaType, size } = parseOr400(startSchema, body);
  const kind = ACCEPTED_MEDIA[mediaType];
  if (!kind) throw new AppError("unsupported_media", notAcceptedReason(mediaType), "mediaType");
  requireWithinLimit(kind, size, "size");
  const stagingId = randomUUID();
  const expiresAt = Date.now() + 15 * 60_000;
  const payload = [stagingId, actor.id, mediaType, size, expiresAt].join(":");
  const target = await storage.directUploadTarget(stagingKey(stagingId), mediaType, size);
  return { token: `${Buffer.from(payload).toString("base64url")}.${sign(payload)}`, ...target, expiresAt: new Date(expiresAt).toISOString() };
}

function readToken(token: string, actor: Pick<Actor, "id">) {
  const [encoded, signature] = token.split(".");
  const payload = Buffer.from(encoded ?? "", "base64url").toString();
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError("invalid_token", "This upload token is not valid.", "token");
  const [stagingId, userId, mediaType, size, expiresAt] = payload.split(":");
  if (userId !== actor.id) throw new AppError("invalid_token", "This upload token is not valid.", "token");
  if (Number(expiresAt) < Date.now()) throw new AppError("token_expired", "This upload token has expired; upload the file again.", "token");
  return { stagingId: stagingId!, mediaType: mediaType!, size: Number(size) };
}

/** POST /api/uploads/direct/complete: checks what the browser put in the store; usable only if it passes. */
export async function completeDirectUpload(body: unknown, actor: Pick<Actor, "id">): Promise<Response> {
  const { token } = parseOr400(completeSchema, body);
  const staged = readToken(token, actor);
  const storage = uploadStorage();
  const key = stagingKey(staged.stagingId);
  if (!(await storage.exists(key))) throw new AppError("not_uploaded", "Nothing was uploaded with this token yet.", "token");
  try {
    const bytes = new Uint8Array(await storage.read(key));
    const sniffed = await checkUpload(bytes, bytes.byteLength, "file");
    const { row, created } = await ingestUpload(bytes, sniffed, actor.id);
    return Response.json(toUploadInfo(row), { status: created ? 201 : 200 });
  } finally {
    // Filed under its sha256 when it passed; gone either way.
    await storage.remove(key).catch(() => undefined);
  }
}
