"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { RefreshReport } from "@/lib/catalog/refresh/refresh-catalog";
import { Button } from "@/components/ui/button";

function show(value: unknown): string {
  return value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);
}

/** Pull prices, limits and parameters from the providers' model lists and show what changed. */
export function CatalogRefresh() {
  const router = useRouter();
  const [reports, setReports] = useState<RefreshReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  const refresh = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/catalog/refresh", { method: "POST" });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      setReports(body.providers as RefreshReport[]);
      startTransition(() => router.refresh());
    } catch (err) {
      setError(err instanceof Error ? err.message : "refresh failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-1">
      <Button size="sm" data-testid="catalog-refresh" disabled={busy} onClick={refresh}>
        {busy ? "Refreshing…" : "Refresh catalog from providers"}
      </Button>
      {error && <p className="text-[11px] text-red-600">{error}</p>}
      {reports && (
        <div data-testid="catalog-refresh-report" className="space-y-1 rounded-md border border-zinc-200 p-2 text-[11px] dark:border-zinc-800">
          {reports.map((report) => (
            <div key={report.provider} data-testid={`refresh-${report.provider}`}>
              <p className="font-medium">
                {report.provider}: {report.offerings.filter((o) => o.ok).reduce((n, o) => n + o.changes.length, 0)} change(s)
              </p>
              {report.offerings.flatMap((o) =>
                o.changes.map((c) => (
                  <p key={`${o.providerModelId}:${c.field}`} data-testid="refresh-change" className="font-mono text-zinc-600 dark:text-zinc-400">
                    {o.providerModelId} {c.field}: {show(c.before)} → {show(c.after)}
                  </p>
                )),
              )}
              {report.error && <p className="text-amber-700 dark:text-amber-400">{report.error}</p>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
