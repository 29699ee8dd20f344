import { withErrors } from "@/lib/http/with-errors";
import { deleteRunRecord, getRunRecord } from "@/lib/runs/read-runs";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) =>
  Response.json(await getRunRecord((await context.params).id)),
);
export const DELETE = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) =>
  Response.json(await deleteRunRecord((await context.params).id)),
);
