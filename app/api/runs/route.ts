import { guarded } from "@/lib/auth/guard";
import { serveDirectly } from "@/lib/http/direct-routes";
import { listRunRecords } from "@/lib/runs/read-runs";
import { startRun } from "@/lib/runs/start-run";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = guarded("run", (request, _context, actor) => startRun(request, actor));
export const GET = guarded("read", async (request, _context, actor) => Response.json(await listRunRecords(new URL(request.url), actor)));
serveDirectly("POST", "/api/runs", (request) => POST(request, undefined));
