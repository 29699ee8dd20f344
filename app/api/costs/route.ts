import { costReport } from "@/lib/costs/cost-report";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (request: Request) => Response.json(await costReport(new URL(request.url))));
