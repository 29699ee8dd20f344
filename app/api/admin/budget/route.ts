import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { readInstanceBudget, updateInstanceBudget } from "@/lib/team/instance-budget";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await readInstanceBudget()));
export const PUT = guarded("manage", async (request, _context, actor) => Response.json(await updateInstanceBudget(await readJson(request), actor)));
