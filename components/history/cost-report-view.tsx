"use client";

import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CostTotalRow, UserCostRow } from "@/lib/costs/cost-report";
import { formatUsd } from "@/lib/format";

const COLORS = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#0ea5e9", "#64748b"];

/** A provider-reported total: "not reported" where no run had one, never $0. */
const reportedUsd = (usd: number | null) => (usd === null ? "not reported" : formatUsd(usd));

/** Totals for a period by day, provider and model; computed beside provider-reported cost; CSV. */

export function CostReportView({ from, to }: { from: string; to: string }) {
  const [rows, setRows] = useState<CostTotalRow[] | null>(null);
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

  const providers = [...new Set(rows.map((r) => r.provider))];
  const byDay = [...new Set(rows.map((r) => r.day))].map((day) => ({
    day,
    ...Object.fromEntries(providers.map((p) => [p, rows.filter((r) => r.day === day && r.provider === p).reduce((n, r) => n + r.costUsd, 0)])),
  }));
  const byTarget = new Map<string, { provider: string; model: string; runs: number; costUsd: number; providerCostUsd: number | null; runsWithoutCost: number }>();
  for (const r of rows) {
    const key = `${r.provider}::${r.model}`;
    const t = byTarget.get(key) ?? { provider: r.provider, model: r.model, runs: 0, costUsd: 0, providerCostUsd: null, runsWithoutCost: 0 };
    t.runs += r.runs;
    t.costUsd += r.costUsd;
    if (r.providerCostUsd !== null) t.providerCostUsd = (t.providerCostUsd ?? 0) + r.providerCostUsd;
    t.runsWithoutCost += r.runsWithoutCost;
    byTarget.set(key, t);
  }
  const total = rows.reduce((n, r) => n + r.costUsd, 0);
  const reported = rows.some((r) => r.providerCostUsd !== null) ? rows.reduce((n, r) => n + (r.providerCostUsd ?? 0), 0) : null;

  return (
    <div data-testid="cost-report" className="space-y-2 text-xs">
      <p>
        <span data-testid="cost-scope" className="mr-1 text-muted">{scope === "team" ? "Whole team:" : "Your runs:"}</span>
        Computed cost <span data-testid="cost-total" className="font-mono font-semibold">{formatUsd(total)}</span> · provider-reported{" "}
        <span data-testid="cost-reported" className="font-mono">{reportedUsd(reported)}</span> · {rows.reduce((n, r) => n + r.runs, 0)} runs ·{" "}
        <a data-testid="cost-csv" href={`/api/costs/csv?from=${from}&to=${to}`} className="underline">
          export CSV
        </a>
      </p>
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
      <table data-testid="cost-table" className="w-full border-collapse">
        <thead>
          <tr className="text-left text-muted">
            <th className="p-1">Provider · model</th>
            <th className="p-1 text-right">runs</th>
            <th className="p-1 text-right">computed</th>
            <th className="p-1 text-right">provider-reported</th>
            <th className="p-1 text-right">runs without a price</th>
          </tr>
        </thead>
        <tbody>
          {[...byTarget.values()].map((t) => (
            <tr key={`${t.provider}::${t.model}`} data-testid="cost-row" className="font-mono">
              <td className="p-1 font-sans">{t.provider} · {t.model}</td>
              <td className="p-1 text-right">{t.runs}</td>
              <td className="p-1 text-right">{formatUsd(t.costUsd)}</td>
              <td data-testid="cost-provider-reported" className="p-1 text-right">{reportedUsd(t.providerCostUsd)}</td>
              <td className="p-1 text-right">{t.runsWithoutCost}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scope === "team" && byUser.length > 0 && (
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
                <td className="p-1 font-sans">{u.provider} · {u.model}</td>
                <td className="p-1 text-right">{u.runs}</td>
                <td className="p-1 text-right">{formatUsd(u.costUsd)}</td>
                <td className="p-1 text-right">{reportedUsd(u.providerCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
