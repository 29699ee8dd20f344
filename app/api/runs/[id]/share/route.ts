import { guarded } from "@/lib/auth/guard";
import { publicOrigin } from "@/lib/http/client-address";
import { revokeShare, shareRun } from "@/lib/share/share-runs";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const POST = guarded("share", async (request, context: Context, actor) => Response.json(await shareRun((await context.params).id, actor, publicOrigin(request))));
export const DELETE = guarded("share", async (_request, context: Context, actor) => Response.json(await revokeShare((await context.params).id, actor)));
