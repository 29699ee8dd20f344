import { guarded } from "@/lib/auth/guard";
import { publicOrigin } from "@/lib/http/client-address";
import { readJson } from "@/lib/http/with-errors";
import { createInvite, listInviteRecords } from "@/lib/team/invites";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await listInviteRecords()));
export const POST = guarded("manage", async (request, _context, actor) =>
  Response.json(await createInvite(await readJson(request), actor, publicOrigin(request)), { status: 201 }),
);
