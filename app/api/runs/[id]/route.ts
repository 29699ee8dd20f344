import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { changeVisibility, deleteRunRecord, getRunRecord } from "@/lib/runs/read-runs";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, context: Context, actor) => Response.json(await getRunRecord((await context.params).id, actor)));
export const PATCH = guarded("share", async (request, context: Context, actor) => Response.json(await changeVisibility((await context.params).id, await readJson(request), actor)));
export const DELETE = guarded("run", async (_request, context: Context, actor) => Response.json(await deleteRunRecord((await context.params).id, actor)));
