import { guarded } from "@/lib/auth/guard";
import { backupArchiveResponse } from "@/lib/backup/backup-archive";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async (request, _context, actor) => backupArchiveResponse(request, actor));
