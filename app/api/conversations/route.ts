import { guarded } from "@/lib/auth/guard";
import { conversationsFor } from "@/lib/runs/conversations";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, _context, actor) => Response.json({ conversations: await conversationsFor(actor) }));
