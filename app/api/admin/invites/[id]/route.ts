import { guarded } from "@/lib/auth/guard";
import { revokeInvite } from "@/lib/team/invites";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const DELETE = guarded("manage", async (_request, context: Context, actor) => Response.json(await revokeInvite((await context.params).id, actor)));
