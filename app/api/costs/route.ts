import { guarded } from "@/lib/auth/guard";
import { costReport } from "@/lib/costs/cost-report";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (request, _context, actor) => Response.json(await costReport(new URL(request.url), actor)));
