import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { completeDirectUpload } from "@/lib/uploads/direct-upload";

export const dynamic = "force-dynamic";
export const POST = guarded("upload", async (request, _context, actor) => completeDirectUpload(await readJson(request), actor));
