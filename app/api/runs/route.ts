import { withErrors } from "@/lib/http/with-errors";
import { listRunRecords } from "@/lib/runs/read-runs";
import { startRun } from "@/lib/runs/start-run";

export const dynamic = "force-dynamic";
export const maxDuration = 800;
export const POST = withErrors(startRun);
export const GET = withErrors(async (request: Request) => Response.json(await listRunRecords(new URL(request.url))));
