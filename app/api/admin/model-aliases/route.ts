import { guarded } from "@/lib/auth/guard";
import { readAliasDefaults, updateAliasDefaults } from "@/lib/gateway/model-ids";
import { readJson } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await readAliasDefaults()));
export const PUT = guarded("manage", async (request, _context, actor) => Response.json(await updateAliasDefaults(await readJson(request), actor)));
