import "server-only";
import { getUpload } from "@/db/queries";
import { AppError } from "@/lib/http/app-error";
import { streamStored, UPLOAD_ID } from "./upload-store";

/** GET /api/uploads/:id: the file with its true content type; never sniffed or run by the browser. */
export async function serveUpload(id: string, mayRead: (id: string) => Promise<boolean> = async () => true): Promise<Response> {
  if (!UPLOAD_ID.test(id)) throw new AppError("invalid_id", "Upload ids are sha256 hashes (64 hex characters).", "id");
  const row = await getUpload(id);
  // Someone else's file answers exactly like a missing one.
  if (!row || !(await mayRead(id))) throw new AppError("not_found", `No upload with id ${id}.`);
  const stream = await streamStored(id);
  return new Response(stream, {
    headers: {
      "content-type": row.mediaType,
      "content-length": String(row.size),
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
      "content-security-policy": "default-src 'none'; sandbox",
      // Content-addressed, so the bytes never change; private, because access depends on who asks.
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
}
