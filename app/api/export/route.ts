import { guarded } from "@/lib/auth/guard";
import { handleExport } from "@/lib/bundle/transfer-runs";

export const dynamic = "force-dynamic";
export const GET = guarded("export", (request, _context, actor) => handleExport(request, actor));
