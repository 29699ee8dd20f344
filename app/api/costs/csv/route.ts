import { guarded } from "@/lib/auth/guard";
import { costCsv, costReport, userCostCsv } from "@/lib/costs/cost-report";

export const dynamic = "force-dynamic";
export const GET = guarded("read", async (request, _context, actor) => {
  const url = new URL(request.url);
  const report = await costReport(url, actor);
  const byUser = url.searchParams.get("by") === "user";
  return new Response(byUser ? userCostCsv(report.byUser) : costCsv(report.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="costs${byUser ? "-by-user" : ""}-${report.from}-to-${report.to}.csv"` },
  });
});
