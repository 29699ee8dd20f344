"use client";

import { useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tightestBudget, useBudgets } from "@/components/auth/budget-note";
import { Button } from "@/components/ui/button";
import { runLimited } from "@/lib/compare/concurrency";
import { percentile, type RunNumbers } from "@/lib/compare/stats";
import { formatMs, formatRate, formatUsd } from "@/lib/format";
import type { ParamValues } from "@/lib/params/param-validator";
import { estimateRepeatRun, OUTPUT_BASIS_LABEL } from "@/lib/compare/repeat-estimate";
import { repeatBatchGroupId } from "@/lib/compare/targets";
import type { OfferingView } from "@/components/playground/types";
import { fetchRunRecord, type RunRecordNumbers } from "./compare-types";
import { Input } from "@/components/ui/input";

type RepeatTarget = { label: string; provider: string; model: string; params: ParamValues; offering: OfferingView; lastRecord: (RunNumbers & { status: string }) | null };
type Props = { targets: RepeatTarget[]; system: string; defaultPrompt: string };
type Result = { label: string; samples: RunRecordNumbers[]; failed: number };

async function runOnce(target: RepeatTarget, prompt: string, system: string, compareGroupId: string, signal: AbortSignal): Promise<RunRecordNumbers> {
  const response = await fetch("/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: target.provider, model: target.model, params: target.params, compareGroupId, ...(system.trim() ? { system } : {}), messages: [{ role: "user", parts: [{ type: "text", text: prompt }] }] }),
    signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const runId = response.headers.get("x-run-id")!;
  await response.body?.pipeTo(new WritableStream());
  const record = await fetchRunRecord(runId);
  if (record?.status !== "done") throw new Error(record?.status ?? "no record");
  return record;
}

// A no-break space between number and unit: recharts wraps axis ticks at ordinary spaces.
const REPEAT_CHARTS = [
  { title: "Time to first token (ms)", format: (v: number) => `${Math.round(v)}\u00a0ms`, series: [{ key: "ttftP50", name: "TTFT p50" }, { key: "ttftP95", name: "TTFT p95" }] },
  { title: "Output speed (tokens/s)", format: (v: number) => `${Math.round(v)}\u00a0tok/s`, series: [{ key: "tpsP50", name: "tok/s p50" }, { key: "tpsP5", name: "tok/s p5 (slow tail)" }] },
  { title: "Total cost (USD)", format: (v: number) => formatUsd(v), series: [{ key: "cost", name: "total cost" }] },
];

function stat(values: (number | null)[], p: number) {
  return percentile(values.filter((v): v is number => v !== null), p);
}

export function RepeatPanel({ targets, system, defaultPrompt }: Props) {
  const [n, setN] = useState(3);
  const [concurrency, setConcurrency] = useState(2);
  const [prompt, setPrompt] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<Result[] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const text = prompt || defaultPrompt;
  const estimates = targets.map((t) => estimateRepeatRun({ offering: t.offering, params: t.params, lastAnswer: t.lastRecord }, text, system));
  const unknown = targets.filter((_, i) => estimates[i]!.perRunUsd === null).map((t) => t.label);
  const total = estimates.reduce<number>((sum, e) => sum + (e.perRunUsd ?? 0) * n, 0);
  const budget = tightestBudget(useBudgets(progress !== null && progress.done < progress.total));

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    // A batch is its own entry in history, apart from the comparison's column runs.
    const batchGroupId = repeatBatchGroupId();
    const tasks = targets.flatMap((target, t) => Array.from({ length: n }, () => ({ t, run: () => runOnce(target, text, system, batchGroupId, controller.signal) })));
    let done = 0;
    setProgress({ done, total: tasks.length });
    setResults(null);
    const settled = await runLimited(
      tasks.map((task) => () => task.run().finally(() => setProgress({ done: ++done, total: tasks.length }))),
      concurrency,
      controller.signal,
    );
    setResults(
      targets.map((target, t) => {
        const mine = settled.filter((_, i) => tasks[i]!.t === t);
        return { label: target.label, samples: mine.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])), failed: mine.filter((r) => r.status === "rejected").length };
      }),
    );
    abort.current = null;
  };

  const rows = (results ?? []).map((r, i) => ({
    column: `#${i + 1}`,
    label: r.label,
    samples: r.samples.length,
    failed: r.failed,
    ttftP50: stat(r.samples.map((s) => s.ttftMs), 50),
    ttftP95: stat(r.samples.map((s) => s.ttftMs), 95),
    tpsP50: stat(r.samples.map((s) => s.tokensPerSecond), 50),
    // For speed the tail that hurts is the slow one: 1 run in 20 is slower than p5.
    tpsP5: stat(r.samples.map((s) => s.tokensPerSecond), 5),
    cost: r.samples.reduce((sum, s) => sum + (s.costUsd ?? 0), 0),
  }));

  return (
    <div data-testid="repeat-panel" className="space-y-2 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      <h3 className="font-semibold">Repeat mode: one sample of speed is noise</h3>
      <div className="flex flex-wrap items-center gap-2">
        <label>
          Runs per target{" "}
          <Input size="xs" data-testid="repeat-n" type="number" min={1} max={20} value={n} onChange={(e) => setN(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} className="w-14" />
        </label>
        <label>
          at most{" "}
          <Input size="xs" data-testid="repeat-concurrency" type="number" min={1} max={8} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Math.min(8, Number(e.target.value) || 1)))} className="w-12" />{" "}
          at once
        </label>
        <Input size="xs" data-testid="repeat-prompt" aria-label="Prompt for every run" placeholder={defaultPrompt || "Prompt for every run"} value={prompt} onChange={(e) => setPrompt(e.target.value)} className="min-w-60 flex-1" />
      </div>
      <p data-testid="repeat-estimate" className="text-zinc-600 dark:text-zinc-400">
        {targets.length * n} runs. Estimated cost: {formatUsd(total)}
        {unknown.length ? ` (no price for ${unknown.join(", ")})` : ""}.
        {budget && (
          <span data-testid="repeat-budget" data-over={total > budget.remainingUsd} className={total > budget.remainingUsd ? " font-medium text-amber-700 dark:text-amber-400" : ""}>
            {" "}
            {formatUsd(budget.remainingUsd)} left of {budget.label} monthly budget{total > budget.remainingUsd ? ": this batch may not fit; runs over the cap are refused (402)" : ""}.
          </span>
        )}
      </p>
      <ul data-testid="repeat-estimate-basis" className="list-inside list-disc text-muted">
        {targets.map((t, i) => {
          const e = estimates[i]!;
          return (
            <li key={i} data-testid="repeat-estimate-target" data-basis={e.outputBasis}>
              {t.label}: {formatUsd(e.perRunUsd)} a run = prompt ≈ {e.inputTokens.toLocaleString("en-US")} tokens (estimated, 1 per 3 bytes) + {e.outputTokens.toLocaleString("en-US")} {OUTPUT_BASIS_LABEL[e.outputBasis]}
            </li>
          );
        })}
      </ul>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" data-testid="repeat-start" disabled={!text || progress !== null && progress.done < progress.total} onClick={() => void start()}>
          Start {targets.length * n} runs
        </Button>
        {abort.current && (
          <Button size="sm" variant="danger" data-testid="repeat-stop" onClick={() => abort.current?.abort()}>
            Stop
          </Button>
        )}
        {progress && (
          <span data-testid="repeat-progress">
            {progress.done} / {progress.total} done
          </span>
        )}
      </div>
      {results && (
        <>
          <table data-testid="repeat-table" className="w-full border-collapse">
            <thead>
              <tr className="text-left text-muted">
                <th className="p-1">Target</th>
                <th className="p-1 text-right">runs</th>
                <th className="p-1 text-right">TTFT p50</th>
                <th className="p-1 text-right">TTFT p95</th>
                <th className="p-1 text-right">tok/s p50</th>
                <th className="p-1 text-right">tok/s p5 (slow tail)</th>
                <th className="p-1 text-right">total cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.column} data-testid="repeat-row" className="font-mono">
                  <td className="p-1 font-sans">
                    {r.column} {r.label}
                  </td>
                  <td className="p-1 text-right" data-testid="repeat-samples">
                    {r.samples}
                    {r.failed ? ` (+${r.failed} failed)` : ""}
                  </td>
                  <td className="p-1 text-right" data-testid="repeat-ttft-p50">{formatMs(r.ttftP50)}</td>
                  <td className="p-1 text-right" data-testid="repeat-ttft-p95">{formatMs(r.ttftP95)}</td>
                  <td className="p-1 text-right" data-testid="repeat-tps-p50">{formatRate(r.tpsP50)}</td>
                  <td className="p-1 text-right" data-testid="repeat-tps-p5">{formatRate(r.tpsP5)}</td>
                  <td className="p-1 text-right" data-testid="repeat-cost">{formatUsd(r.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="grid grid-cols-1 gap-2 md:grid-cols-3" data-testid="repeat-charts">
            {REPEAT_CHARTS.map((chart) => (
              <figure key={chart.title} className="h-56">
                <figcaption className="text-muted">{chart.title}</figcaption>
                <ResponsiveContainer width="100%" height="90%">
                  <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    {/* Columns by number on the axis (names overlap there); the tooltip names them in full. */}
                    <XAxis dataKey="column" tick={{ fontSize: 10 }} interval={0} />
                    <YAxis tick={{ fontSize: 9 }} width={72} tickFormatter={chart.format} />
                    <Tooltip labelFormatter={(column) => rows.find((r) => r.column === column)?.label ?? String(column)} formatter={(value) => chart.format(Number(value))} />
                    <Legend wrapperStyle={{ fontSize: 10 }} />
                    {chart.series.map((series, i) => (
                      <Bar key={series.key} dataKey={series.key} name={series.name} fill={["#2563eb", "#f59e0b", "#10b981"][i]} isAnimationActive={false} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
