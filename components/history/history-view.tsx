"use client";

import dynamic from "next/dynamic";
import { memo, useCallback, useEffect, useRef, useState } from "react";
import { SummaryTable } from "@/components/compare/summary-table";
import type { CatalogView } from "@/components/playground/types";
import { summarize } from "@/lib/compare/stats";
import type { RunRecord } from "@/lib/runs/run-record";
import { UserMenu } from "@/components/auth/user-menu";
import { useViewer } from "@/components/auth/viewer-context";
import { HistoryList } from "./history-list";
import { groupEntries, type HistoryFilters } from "./history-types";
import { NativeSelect } from "@/components/ui/native-select";
import { Input } from "@/components/ui/input";
import { useConfirm } from "@/components/ui/confirm-dialog";

// The cost report brings the charting library: it loads after the page, and
// redraws only when its period changes, not each time the list loads a page.
const CostReportView = memo(
  dynamic(() => import("./cost-report-view").then((m) => m.CostReportView), {
    loading: () => <p className="p-3 text-sm text-muted">Loading the cost report…</p>,
  }),
);

const STATUSES = ["done", "error", "aborted", "interrupted", "streaming"];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

type Props = { catalog: CatalogView; users: { id: string; name: string }[] };

export function HistoryView({ catalog, users }: Props) {
  const viewer = useViewer();
  const [filters, setFilters] = useState<HistoryFilters>({ provider: "", model: "", status: "", from: "", to: "", q: "", user: "" });
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [period, setPeriod] = useState({ from: daysAgo(29), to: daysAgo(0) });
  const [importNote, setImportNote] = useState<string | null>(null);
  const generation = useRef(0);

  const query = useCallback(
    (after: string | null) => {
      const params = new URLSearchParams({ limit: "50" });
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (after) params.set("cursor", after);
      return `/api/runs?${params}`;
    },
    [filters],
  );

  const load = useCallback(
    async (reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      setLoading(true);
      const response = await fetch(query(reset ? null : cursor));
      const body = response.ok ? ((await response.json()) as { runs: RunRecord[]; nextCursor: string | null }) : { runs: [], nextCursor: null };
      if (mine !== generation.current) return;
      setRuns((current) => (reset ? body.runs : [...current, ...body.runs]));
      setCursor(body.nextCursor);
      setHasMore(body.nextCursor !== null);
      setLoading(false);
    },
    [query, cursor],
  );

  // Filters changed: start over (debounced for typing in the search box).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a filter change is the trigger; load reads the filters through its query
  useEffect(() => {
    const timer = setTimeout(() => void load(true), 250);
    return () => clearTimeout(timer);
  }, [filters]);

  const set = (key: keyof HistoryFilters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const selectedRuns = runs.filter((r) => selected.has(r.id));
  const { confirm, dialog } = useConfirm();

  return (
    <main className="mx-auto max-w-7xl space-y-4 p-4">
      {dialog}
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-sm font-semibold">History</h1>
        <a href="/" className="text-xs text-muted underline">Playground</a>
        <a href="/compare" className="text-xs text-muted underline">Compare</a>
        <span className="ml-auto">
          <UserMenu />
        </span>
      </header>
      <div className="flex flex-wrap items-center gap-2" data-testid="history-filters">
        <Input size="xs" data-testid="history-search" aria-label="Search prompts and answers" type="search" placeholder="Search prompts and answers" value={filters.q} onChange={set("q")} className="w-64" />
        <NativeSelect size="xs" data-testid="filter-provider" aria-label="Provider" value={filters.provider} onChange={set("provider")}>
          <option value="">all providers</option>
          {catalog.providers.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </NativeSelect>
        <NativeSelect size="xs" data-testid="filter-model" aria-label="Model" value={filters.model} onChange={set("model")}>
          <option value="">all models</option>
          {[...new Set(catalog.offerings.map((o) => o.providerModelId))].map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </NativeSelect>
        <NativeSelect size="xs" data-testid="filter-status" aria-label="Status" value={filters.status} onChange={set("status")}>
          <option value="">any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </NativeSelect>
        {users.length > 0 && (
          <NativeSelect size="xs" data-testid="filter-user" aria-label="User" value={filters.user} onChange={set("user")}>
            <option value="">everyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </NativeSelect>
        )}
        <label className="text-xs text-muted">from <Input size="xs" type="date" data-testid="filter-from" value={filters.from} onChange={set("from")} /></label>
        <label className="text-xs text-muted">to <Input size="xs" type="date" data-testid="filter-to" value={filters.to} onChange={set("to")} /></label>
        <span className="ml-auto flex items-center gap-2 text-xs">
          {selected.size > 0 && (
            <a data-testid="export-selected" href={`/api/export?ids=${[...selected].join(",")}`} download className="underline">
              Export {selected.size} selected (JSON)
            </a>
          )}
          {(viewer?.can.run ?? true) && <label className="cursor-pointer underline focus-within:ring-2 focus-within:ring-blue-500">
            Import bundle
            <input
              type="file"
              accept="application/json"
              data-testid="import-input"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (!file) return;
                const response = await fetch("/api/import", { method: "POST", headers: { "content-type": "application/json" }, body: await file.text() });
                const body = await response.json();
                setImportNote(response.ok ? `Imported ${body.runsImported} run(s), ${body.uploadsImported} file(s); ${body.runsSkipped} already here.` : (body.error?.message ?? "import failed"));
                if (response.ok) void load(true);
              }}
            />
          </label>}
          {importNote && <span data-testid="import-note">{importNote}</span>}
        </span>
      </div>
      <HistoryList
        entries={groupEntries(runs)}
        hasMore={hasMore}
        loading={loading}
        selected={selected}
        onLoadMore={() => void load(false)}
        onToggle={(id) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; })}
        onDelete={async (run) => {
          if (!(await confirm({ title: `Delete this run (${run.provider} · ${run.model})?`, body: "Its prompt, answer and numbers are removed from history. Its attachments stay for other runs.", confirmLabel: "Delete run", danger: true }))) return;
          const response = await fetch(`/api/runs/${run.id}`, { method: "DELETE" });
          if (response.ok) setRuns((all) => all.filter((r) => r.id !== run.id));
        }}
      />
      {selectedRuns.length >= 2 && (
        <section data-testid="selected-compare" className="space-y-1">
          <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Selected runs side by side</h2>
          <SummaryTable
            labels={selectedRuns.map((r) => `${r.provider} · ${r.model} · ${r.id.slice(0, 6)}`)}
            statuses={selectedRuns.map((r) => r.status)}
            rows={summarize(selectedRuns.map((r) => ({ status: r.status, ttftMs: r.ttftMs, tokensPerSecond: r.tokensPerSecond, durationMs: r.durationMs, inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens, reasoningTokens: r.usage.reasoningTokens, costUsd: r.costUsd })))}
          />
        </section>
      )}
      <section className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Costs</h2>
          <label className="text-xs text-muted">from <Input size="xs" type="date" data-testid="cost-from" value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} /></label>
          <label className="text-xs text-muted">to <Input size="xs" type="date" data-testid="cost-to" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} /></label>
        </div>
        <CostReportView from={period.from} to={period.to} />
      </section>
    </main>
  );
}
