import "server-only";
import { z } from "zod";
import { costTotals, type CostTotalRow } from "@/db/queries";
import { listUsers, spendByUser } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { simulatedProviders } from "@/lib/runs/admission";

const querySchema = z.object({ from: z.iso.date(), to: z.iso.date(), user: z.string().max(100).optional() });

/** `simulated`: the built-in simulator's list-price equivalent, shown apart and never counted as spend. */
export type CostReportRow = CostTotalRow & { simulated: boolean };

export type UserCostRow = { userId: string | null; userName: string; userEmail: string | null; provider: string; model: string; runs: number; costUsd: number; providerCostUsd: number | null; simulated: boolean };

export type CostReport = { from: string; to: string; scope: "team" | "own"; rows: CostReportRow[]; byUser: UserCostRow[] };

/**
 * Cost totals for whole UTC days from..to (inclusive), by day, provider and
 * model, and by user. Members see their own spend; viewers, admins and the
 * owner see the team's (costs and metadata, never the text of runs).
 */
export async function costReport(url: URL, actor: Actor): Promise<CostReport> {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const parsed = querySchema.safeParse({ from: url.searchParams.get("from") ?? monthAgo, to: url.searchParams.get("to") ?? today, user: url.searchParams.get("user") ?? undefined });
  if (!parsed.success) throw new AppError("invalid_query", "from and to are dates (YYYY-MM-DD).", parsed.error.issues[0]?.path.join("."));
  const { from, to } = parsed.data;
  if (from > to) throw new AppError("invalid_query", "from must not be after to.", "from");
  const scope = actor.role === "member" ? "own" : "team";
  const userId = scope === "own" ? actor.id : parsed.data.user;
  const range = { from: new Date(`${from}T00:00:00Z`), to: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) };
  const simulated = new Set(await simulatedProviders());
  const rows = (await costTotals({ ...range, userId })).map((r) => ({ ...r, simulated: simulated.has(r.provider) }));
  const users = new Map((await listUsers()).map((u) => [u.id, u]));
  const byUser = (await spendByUser(range))
    .filter((r) => !userId || r.userId === userId)
    .map((r) => {
      const user = r.userId ? users.get(r.userId) : undefined;
      return { ...r, userName: user?.name ?? "(unknown)", userEmail: user?.email ?? null, simulated: simulated.has(r.provider) };
    });
  return { from, to, scope, rows, byUser };
}

function csvField(value: string | number | null): string {
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A total with no price behind it is "unknown price", never 0. */
const UNKNOWN_PRICE = "unknown price";

export function costCsv(rows: CostReportRow[]): string {
  const header = ["day", "provider", "model", "runs", "computed_cost_usd", "provider_reported_cost_usd", "runs_without_computed_cost", "runs_billed_over_10pct_off", "simulated"];
  const lines = rows.map((r) =>
    [r.day, r.provider, r.model, r.runs, r.costUsd ?? UNKNOWN_PRICE, r.providerCostUsd, r.runsWithoutCost, r.costMismatches, r.simulated ? "yes" : "no"].map(csvField).join(","),
  );
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

export function userCostCsv(rows: UserCostRow[]): string {
  const header = ["user", "email", "provider", "model", "runs", "computed_cost_usd", "provider_reported_cost_usd"];
  const lines = rows.map((r) => [r.userName, r.userEmail, r.provider, r.model, r.runs, r.costUsd, r.providerCostUsd].map(csvField).join(","));
  return `${[header.join(","), ...lines].join("\n")}\n`;
}
