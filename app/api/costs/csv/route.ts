import { costCsv, costReport } from "@/lib/costs/cost-report";
import { withErrors } from "@/lib/http/with-errors";

export const dynamic = "force-dynamic";
export const GET = withErrors(async (request: Request) => {
  const report = await costReport(new URL(request.url));
  return new Response(costCsv(report.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="costs-${report.from}-to-${report.to}.csv"` },
  });
});
