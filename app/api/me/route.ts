import { guarded } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (_request, _context, actor) =>
  Response.json({ user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role } }),
);
