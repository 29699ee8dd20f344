"use client";

import { useEffect, useState } from "react";
import { formatUsd } from "@/lib/format";

type Budget = { label: string; capUsd: number; spentUsd: number; reservedUsd: number; remainingUsd: number; warning: boolean };

/** The budgets that apply to whoever is signed in, fetched again whenever `busy` turns false. */
export function useBudgets(busy: boolean): Budget[] {
  const [budgets, setBudgets] = useState<Budget[]>([]);
  useEffect(() => {
    if (busy) return;
    let live = true;
    void fetch("/api/me")
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => live && body?.budgets && setBudgets(body.budgets))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [busy]);
  return budgets;
}

export function tightestBudget(budgets: Budget[]): Budget | null {
  return budgets.length ? budgets.reduce((a, b) => (b.remainingUsd < a.remainingUsd ? b : a)) : null;
}

/** The tightest monthly budget that applies, shown before Send; amber from 80% spent. Refreshed after each run. */
export function BudgetNote({ busy, simulated = false }: { busy: boolean; simulated?: boolean }) {
  const tightest = tightestBudget(useBudgets(busy));
  if (!tightest) return null;
  if (simulated) {
    return (
      <span data-testid="budget-note" data-warning="false" className="text-[11px] text-zinc-500">
        The simulator is not billed: its runs count toward no budget ({formatUsd(tightest.remainingUsd)} left of {tightest.label} {formatUsd(tightest.capUsd)} monthly budget for real providers)
      </span>
    );
  }
  return (
    <span data-testid="budget-note" data-warning={tightest.warning} className={`text-[11px] ${tightest.warning ? "font-medium text-amber-700 dark:text-amber-400" : "text-zinc-500"}`}>
      {tightest.warning ? "⚠ " : ""}
      {formatUsd(tightest.remainingUsd)} left of {tightest.label} {formatUsd(tightest.capUsd)} monthly budget
    </span>
  );
}
