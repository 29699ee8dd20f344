import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { createApiKey, listApiKeyRecords } from "@/lib/keys/api-keys";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, _context, actor) => Response.json(await listApiKeyRecords(actor)));
export const POST = guarded("run", async (request, _context, actor) => Response.json(await createApiKey(await readJson(request), actor), { status: 201 }));
