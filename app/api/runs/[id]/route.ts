import { withErrors } from "@/lib/http/with-errors";
import { getRunRecord } from "@/lib/runs/read-runs";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) =>
  Response.json(await getRunRecord((await context.params).id)),
);
