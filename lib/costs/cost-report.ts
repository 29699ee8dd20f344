import "server-only";
import { z } from "zod";
import { costTotals, type CostTotalRow } from "@/db/queries";
import { AppError } from "@/lib/http/app-error";

const querySchema = z.object({ from: z.iso.date(), to: z.iso.date() });

/** Cost totals for whole UTC days from..to (inclusive), by day, provider and model. */
export async function costReport(url: URL): Promise<{ from: string; to: string; rows: CostTotalRow[] }> {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const parsed = querySchema.safeParse({ from: url.searchParams.get("from") ?? monthAgo, to: url.searchParams.get("to") ?? today });
  if (!parsed.success) throw new AppError(400, "invalid_query", "from and to are dates (YYYY-MM-DD).", parsed.error.issues[0]?.path.join("."));
  const { from, to } = parsed.data;
  if (from > to) throw new AppError(400, "invalid_query", "from must not be after to.", "from");
  const rows = await costTotals({ from: new Date(`${from}T00:00:00Z`), to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) });
  return { from, to, rows };
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function costCsv(rows: CostTotalRow[]): string {
  const header = ["day", "provider", "model", "runs", "computed_cost_usd", "provider_reported_cost_usd", "runs_without_computed_cost"];
  const lines = rows.map((r) => [r.day, r.provider, r.model, r.runs, r.costUsd, r.providerCostUsd, r.runsWithoutCost].map(csvField).join(","));
  return [header.join(","), ...lines].join("\n") + "\n";
}
