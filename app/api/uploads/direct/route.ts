import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { startDirectUpload } from "@/lib/uploads/direct-upload";

export const dynamic = "force-dynamic";
export const POST = guarded("upload", async (request, _context, actor) => Response.json(await startDirectUpload(await readJson(request), actor)));
