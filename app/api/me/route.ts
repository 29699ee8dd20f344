import { guarded } from "@/lib/auth/guard";
import { budgetStatus } from "@/lib/runs/admission";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, _context, actor) =>
  Response.json({
    user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
    ...(actor.key ? { apiKey: { id: actor.key.id, name: actor.key.name } } : {}),
    budgets: await budgetStatus(actor),
  }),
);
