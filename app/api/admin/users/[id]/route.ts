import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { patchUser } from "@/lib/team/admin-users";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const PATCH = guarded("manage", async (request, context: Context, actor) => Response.json(await patchUser((await context.params).id, await readJson(request), actor)));
