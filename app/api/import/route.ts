import { guarded } from "@/lib/auth/guard";
import { handleImport } from "@/lib/bundle/transfer-runs";

export const dynamic = "force-dynamic";
export const POST = guarded("import", (request, _context, actor) => handleImport(request, actor));
