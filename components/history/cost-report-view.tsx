"use client";

import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CostReportRow, UserCostRow } from "@/lib/costs/cost-report";
import { formatUsd } from "@/lib/format";

const COLORS = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#0ea5e9", "#64748b"];

/** A provider-reported total: "not reported" where no run had one, never $0. */
const reportedUsd = (usd: number | null) => (usd === null ? "not reported" : formatUsd(usd));
/** A computed total: "unknown price" where no run had a price, never $0. */
const computedUsd = (usd: number | null) => (usd === null ? "unknown price" : formatUsd(usd));

type TargetTotal = { provider: string; model: string; runs: number; costUsd: number | null; providerCostUsd: number | null; runsWithoutCost: number; costMismatches: number; simulated: boolean };

const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Totals for a period by day, provider and model; computed beside provider-reported cost; CSV. */

export function CostReportView({ from, to }: { from: string; to: string }) {
  const [rows, setRows] = useState<CostReportRow[] | null>(null);
  const [byUser, setByUser] = useState<UserCostRow[]>([]);
  const [scope, setScope] = useState<"team" | "own">("own");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void fetch(`/api/costs?from=${from}&to=${to}`)
      .then(async (r) => {
        const body = await r.json();
        if (!r.ok) return setError(body.error?.message ?? "failed");
        setRows(body.rows);
        setByUser(body.byUser ?? []);
        setScope(body.scope ?? "own");
      })
      .catch(() => setError("failed to load costs"));
  }, [from, to]);
  if (error) return <p className="text-xs text-red-600">{error}</p>;
  if (!rows) return <p className="text-xs text-muted">Loading costs…</p>;

  // Real spend only: the simulator's cost is what its runs would cost at list price, shown on its own line.
  const real = rows.filter((r) => !r.simulated);
  const simulatedRows = rows.filter((r) => r.simulated);
  const providers = [...new Set(real.map((r) => r.provider))];
  const byDay = [...new Set(real.map((r) => r.day))].map((day) => ({
    day,
    ...Object.fromEntries(providers.map((p) => [p, real.filter((r) => r.day === day && r.provider === p).reduce((n, r) => n + (r.costUsd ?? 0), 0)])),
  }));
  const byTarget = new Map<string, TargetTotal>();
  for (const r of rows) {
    const key = `${r.provider}::${r.model}`;
    const t = byTarget.get(key) ?? { provider: r.provider, model: r.model, runs: 0, costUsd: null, providerCostUsd: null, runsWithoutCost: 0, costMismatches: 0, simulated: r.simulated };
    t.runs += r.runs;
    t.costUsd = add(t.costUsd, r.costUsd);
    t.providerCostUsd = add(t.providerCostUsd, r.providerCostUsd);
    t.runsWithoutCost += r.runsWithoutCost;
    t.costMismatches += r.costMismatches;
    byTarget.set(key, t);
  }
  const total = real.reduce((n, r) => n + (r.costUsd ?? 0), 0);
  const unpriced = real.reduce((n, r) => n + r.runsWithoutCost, 0);
  const reported = real.reduce<number | null>((n, r) => add(n, r.providerCostUsd), null);
  const simulatedUsd = simulatedRows.reduce<number | null>((n, r) => add(n, r.costUsd), null);
  const mismatches = rows.reduce((n, r) => n + r.costMismatches, 0);

  return (
    <div data-testid="cost-report" className="space-y-2 text-xs">
      <p>
        <span data-testid="cost-scope" className="mr-1 text-muted">{scope === "team" ? "Whole team:" : "Your runs:"}</span>
        Computed cost <span data-testid="cost-total" className="font-mono font-semibold">{formatUsd(total)}</span>
        {unpriced > 0 && <span data-testid="cost-unpriced"> + {unpriced} run{unpriced === 1 ? "" : "s"} of unknown price</span>} · provider-reported{" "}
        <span data-testid="cost-reported" className="font-mono">{reportedUsd(reported)}</span> · {real.reduce((n, r) => n + r.runs, 0)} runs ·{" "}
        <a data-testid="cost-csv" href={`/api/costs/csv?from=${from}&to=${to}`} className="underline">
          export CSV
        </a>
      </p>
      {simulatedUsd !== null && (
        <p data-testid="cost-simulated" className="text-muted">
          Simulator (not spend): its {simulatedRows.reduce((n, r) => n + r.runs, 0)} runs would cost <span className="font-mono">{formatUsd(simulatedUsd)}</span> at list price. Left out of the totals and the chart.
        </p>
      )}
      {mismatches > 0 && (
        <p data-testid="cost-mismatches" className="text-amber-700 dark:text-amber-400">
          {mismatches} run{mismatches === 1 ? " was" : "s were"} billed more than 10% away from the computed cost (an out-of-date price table, or a provider billing otherwise): see the column below.
        </p>
      )}
      {real.length === 0 ? (
        <p data-testid="cost-chart-empty" className="text-muted">
          No spend on real providers in this period{simulatedRows.length ? " (only the simulator ran)" : ""}: nothing to chart.
        </p>
      ) : (
      <div className="h-56" data-testid="cost-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={byDay}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={{ fontSize: 9 }} />
            <YAxis tick={{ fontSize: 9 }} width={60} />
            <Tooltip formatter={(v) => formatUsd(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 10 }} />
            {providers.map((p, i) => (
              <Bar key={p} dataKey={p} stackId="cost" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      )}
      {/* A narrow screen scrolls the tables inside their box, never the page. */}
      <div className="overflow-x-auto">
      <table data-testid="cost-table" className="w-full border-collapse">
        <thead>
          <tr className="text-left text-muted">
            <th className="p-1">Provider · model</th>
            <th className="p-1 text-right">runs</th>
            <th className="p-1 text-right">computed</th>
            <th className="p-1 text-right">provider-reported</th>
            <th className="p-1 text-right">runs without a price</th>
            <th className="p-1 text-right">billed &gt;10% off</th>
          </tr>
        </thead>
        <tbody>
          {[...byTarget.values()].map((t) => (
            <tr key={`${t.provider}::${t.model}`} data-testid="cost-row" className="font-mono">
              <td className="p-1 font-sans">
                {t.provider} · {t.model}
                {t.simulated && <span className="ml-1 text-muted">(simulated, not spend)</span>}
              </td>
              <td className="p-1 text-right">{t.runs}</td>
              <td data-testid="cost-computed" className="p-1 text-right">{computedUsd(t.costUsd)}</td>
              <td data-testid="cost-provider-reported" className="p-1 text-right">{reportedUsd(t.providerCostUsd)}</td>
              <td className="p-1 text-right">{t.runsWithoutCost}</td>
              <td data-testid="cost-mismatch-count" className="p-1 text-right">{t.costMismatches}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {scope === "team" && byUser.length > 0 && (
        <div className="overflow-x-auto">
        <table data-testid="cost-by-user" className="w-full border-collapse">
          <caption className="p-1 text-left text-muted">
            By person ·{" "}
            <a data-testid="cost-user-csv" href={`/api/costs/csv?from=${from}&to=${to}&by=user`} className="underline">
              export CSV
            </a>
          </caption>
          <thead>
            <tr className="text-left text-muted">
              <th className="p-1">Person</th>
              <th className="p-1">Provider · model</th>
              <th className="p-1 text-right">runs</th>
              <th className="p-1 text-right">computed</th>
              <th className="p-1 text-right">provider-reported</th>
            </tr>
          </thead>
          <tbody>
            {byUser.map((u) => (
              <tr key={`${u.userId}::${u.provider}::${u.model}`} data-testid="cost-user-row" className="font-mono">
                <td className="p-1 font-sans">{u.userName}</td>
                <td className="p-1 font-sans">
                  {u.provider} · {u.model}
                  {u.simulated && <span className="ml-1 text-muted">(simulated)</span>}
                </td>
                <td className="p-1 text-right">{u.runs}</td>
                <td className="p-1 text-right">{formatUsd(u.costUsd)}</td>
                <td className="p-1 text-right">{reportedUsd(u.providerCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}
