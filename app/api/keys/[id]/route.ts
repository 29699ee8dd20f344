import { guarded } from "@/lib/auth/guard";
import { revokeApiKey } from "@/lib/keys/api-keys";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const DELETE = guarded("read", async (_request, context: Context, actor) => Response.json(await revokeApiKey((await context.params).id, actor)));
