import { guarded } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/with-errors";
import { readOfferingAccess, updateOfferingAccess } from "@/lib/team/offering-access";

export const dynamic = "force-dynamic";
export const GET = guarded("manage", async () => Response.json(await readOfferingAccess()));
export const PUT = guarded("manage", async (request, _context, actor) => Response.json(await updateOfferingAccess(await readJson(request), actor)));
