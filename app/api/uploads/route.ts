import { guarded } from "@/lib/auth/guard";
import { handleUpload } from "@/lib/uploads/handle-upload";

export const dynamic = "force-dynamic";
export const POST = guarded("upload", (request, _context, actor) => handleUpload(request, actor));
