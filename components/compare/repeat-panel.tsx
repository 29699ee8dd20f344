"use client";

import { useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tightestBudget, useBudgets } from "@/components/auth/budget-note";
import { Button } from "@/components/ui/button";
import type { Pricing } from "@/lib/catalog/schema";
import { runLimited } from "@/lib/compare/concurrency";
import { percentile, type RunNumbers } from "@/lib/compare/stats";
import { formatMs, formatRate, formatUsd } from "@/lib/format";
import type { ParamValues } from "@/lib/params/param-validator";
import { computeCost } from "@/lib/pricing/compute-cost";
import { fetchRunRecord, type RunRecordNumbers } from "./compare-types";

type RepeatTarget = { label: string; provider: string; model: string; params: ParamValues; pricing: Pricing | null; lastRecord: RunNumbers | null };
type Props = { targets: RepeatTarget[]; system: string; defaultPrompt: string; compareGroupId: string };
type Result = { label: string; samples: RunRecordNumbers[]; failed: number };

/** Estimated cost of N runs of a target: its last run's cost, or its price table x the last run's tokens. */
function estimate(target: RepeatTarget, n: number): number | null {
  const last = target.lastRecord;
  if (!last) return null;
  const perRun = last.costUsd ?? computeCost(target.pricing, { inputTokens: last.inputTokens, outputTokens: last.outputTokens }).totalUsd;
  return perRun === null ? null : perRun * n;
}

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
  if (!record || record.status !== "done") throw new Error(record?.status ?? "no record");
  return record;
}

function stat(values: (number | null)[], p: number) {
  return percentile(values.filter((v): v is number => v !== null), p);
}

export function RepeatPanel({ targets, system, defaultPrompt, compareGroupId }: Props) {
  const [n, setN] = useState(3);
  const [concurrency, setConcurrency] = useState(2);
  const [prompt, setPrompt] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<Result[] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const text = prompt || defaultPrompt;
  const estimates = targets.map((t) => estimate(t, n));
  const unknown = targets.filter((_, i) => estimates[i] === null).map((t) => t.label);
  const total = estimates.reduce<number>((sum, e) => sum + (e ?? 0), 0);
  const budget = tightestBudget(useBudgets(progress !== null && progress.done < progress.total));

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const tasks = targets.flatMap((target, t) => Array.from({ length: n }, () => ({ t, run: () => runOnce(target, text, system, compareGroupId, controller.signal) })));
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

  const rows = (results ?? []).map((r) => ({
    label: r.label,
    samples: r.samples.length,
    failed: r.failed,
    ttftP50: stat(r.samples.map((s) => s.ttftMs), 50),
    ttftP95: stat(r.samples.map((s) => s.ttftMs), 95),
    tpsP50: stat(r.samples.map((s) => s.tokensPerSecond), 50),
    tpsP95: stat(r.samples.map((s) => s.tokensPerSecond), 95),
    cost: r.samples.reduce((sum, s) => sum + (s.costUsd ?? 0), 0),
  }));

  return (
    <div data-testid="repeat-panel" className="space-y-2 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      <h3 className="font-semibold">Repeat mode: one sample of speed is noise</h3>
      <div className="flex flex-wrap items-center gap-2">
        <label>
          Runs per target{" "}
          <input data-testid="repeat-n" type="number" min={1} max={20} value={n} onChange={(e) => setN(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} className="w-14 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <label>
          at most{" "}
          <input data-testid="repeat-concurrency" type="number" min={1} max={8} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Math.min(8, Number(e.target.value) || 1)))} className="w-12 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" />{" "}
          at once
        </label>
        <input data-testid="repeat-prompt" placeholder={defaultPrompt || "Prompt for every run"} value={prompt} onChange={(e) => setPrompt(e.target.value)} className="min-w-60 flex-1 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900" />
      </div>
      <p data-testid="repeat-estimate" className="text-zinc-600 dark:text-zinc-400">
        {targets.length * n} runs. Estimated cost: {formatUsd(total)}
        {unknown.length ? ` (unknown for ${unknown.join(", ")}: run once first, or no price)` : " (from each target's last run)"}.
        {budget && (
          <span data-testid="repeat-budget" data-over={total > budget.remainingUsd} className={total > budget.remainingUsd ? " font-medium text-amber-700 dark:text-amber-400" : ""}>
            {" "}
            {formatUsd(budget.remainingUsd)} left of {budget.label} monthly budget{total > budget.remainingUsd ? ": this batch may not fit; runs over the cap are refused (402)" : ""}.
          </span>
        )}
      </p>
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
              <tr className="text-left text-zinc-500">
                <th className="p-1">Target</th>
                <th className="p-1 text-right">runs</th>
                <th className="p-1 text-right">TTFT p50</th>
                <th className="p-1 text-right">TTFT p95</th>
                <th className="p-1 text-right">tok/s p50</th>
                <th className="p-1 text-right">tok/s p95</th>
                <th className="p-1 text-right">total cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} data-testid="repeat-row" className="font-mono">
                  <td className="p-1 font-sans">{r.label}</td>
                  <td className="p-1 text-right" data-testid="repeat-samples">
                    {r.samples}
                    {r.failed ? ` (+${r.failed} failed)` : ""}
                  </td>
                  <td className="p-1 text-right" data-testid="repeat-ttft-p50">{formatMs(r.ttftP50)}</td>
                  <td className="p-1 text-right" data-testid="repeat-ttft-p95">{formatMs(r.ttftP95)}</td>
                  <td className="p-1 text-right" data-testid="repeat-tps-p50">{formatRate(r.tpsP50)}</td>
                  <td className="p-1 text-right" data-testid="repeat-tps-p95">{formatRate(r.tpsP95)}</td>
                  <td className="p-1 text-right" data-testid="repeat-cost">{formatUsd(r.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="grid grid-cols-1 gap-2 md:grid-cols-3" data-testid="repeat-charts">
            {[
              { title: "Time to first token (ms)", keys: ["ttftP50", "ttftP95"] },
              { title: "Tokens/s", keys: ["tpsP50", "tpsP95"] },
              { title: "Total cost (USD)", keys: ["cost"] },
            ].map((chart) => (
              <figure key={chart.title} className="h-48">
                <figcaption className="text-zinc-500">{chart.title}</figcaption>
                <ResponsiveContainer width="100%" height="90%">
                  <BarChart data={rows}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" tick={{ fontSize: 9 }} interval={0} />
                    <YAxis tick={{ fontSize: 9 }} width={50} />
                    <Tooltip />
                    <Legend wrapperStyle={{ fontSize: 10 }} />
                    {chart.keys.map((key, i) => (
                      <Bar key={key} dataKey={key} fill={["#2563eb", "#f59e0b", "#10b981"][i]} isAnimationActive={false} />
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
