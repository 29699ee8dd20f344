import { withErrors } from "@/lib/http/with-errors";
import { revokeShare, shareRun } from "@/lib/share/share-runs";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const POST = withErrors(async (request: Request, context: Context) => Response.json(await shareRun((await context.params).id, new URL(request.url).origin)));
export const DELETE = withErrors(async (_request: Request, context: Context) => Response.json(await revokeShare((await context.params).id)));
