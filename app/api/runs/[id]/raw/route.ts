import { guarded } from "@/lib/auth/guard";
import { readRawExchange } from "@/lib/runs/read-raw-exchange";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (request, context: Context, actor) => readRawExchange((await context.params).id, actor, new URL(request.url)));
