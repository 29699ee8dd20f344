"use client";

import { useEffect, useState } from "react";
import type { PlaygroundMessage } from "@/components/playground/message-item";
import { offeringKey, type CatalogView, type OfferingView } from "@/components/playground/types";
import { compareUrl, MAX_COLUMNS, MIN_COLUMNS, type Target } from "@/lib/compare/targets";
import { reopenComparison, type StoredComparisonRun } from "@/lib/compare/reopen-comparison";
import type { ParamValues } from "@/lib/params/param-validator";
import type { Column } from "./compare-types";

const newId = () => crypto.randomUUID().slice(0, 8);

function usable(catalog: CatalogView): OfferingView[] {
  const configured = new Set(catalog.providers.filter((p) => p.configured).map((p) => p.id));
  return catalog.offerings.filter((o) => configured.has(o.provider));
}

function defaultTargets(catalog: CatalogView): Target[] {
  const offerings = usable(catalog);
  const first = offerings[0];
  const second = offerings.find((o) => o !== first && o.modelId === first?.modelId) ?? offerings[1] ?? first;
  return [first, second].filter((o): o is OfferingView => Boolean(o)).map((o) => ({ provider: o.provider, model: o.providerModelId }));
}

type StoredRun = StoredComparisonRun & { messages: PlaygroundMessage[]; output: { text: string; reasoning: string } };

/** Columns of a comparison: add, remove, duplicate, reorder; targets mirrored in the URL; a stored group reopened. */
export function useCompareColumns(catalog: CatalogView, initialTargets: Target[], groupId: string | null) {
  const [compareGroupId, setCompareGroupId] = useState(() => groupId ?? crypto.randomUUID());
  const [columns, setColumns] = useState<Column[]>(() => {
    const targets = initialTargets.length >= MIN_COLUMNS ? initialTargets : defaultTargets(catalog);
    // Deterministic ids for the first render: the server and the browser must agree (hydration).
    return targets.map((target, i) => ({ id: `col-${i}`, target, overrides: {} }));
  });
  const [initialMessages, setInitialMessages] = useState<Record<string, PlaygroundMessage[]>>({});
  const [loaded, setLoaded] = useState(groupId === null);

  // Reopen a stored comparison exactly: its columns in order, their parameters and conversations.
  const [reopened, setReopened] = useState<{ shared: ParamValues; system: string } | null>(null);
  useEffect(() => {
    if (!groupId) return;
    void (async () => {
      const response = await fetch(`/api/runs?limit=200&compareGroupId=${encodeURIComponent(groupId)}`);
      const runs = response.ok ? ((await response.json()).runs as StoredRun[]) : [];
      const comparison = reopenComparison(runs, MAX_COLUMNS);
      if (comparison) {
        const next = comparison.columns.map((c) => ({ id: newId(), target: c.target, overrides: c.overrides }));
        const history: Record<string, PlaygroundMessage[]> = {};
        comparison.columns.forEach(({ run }, i) => {
          const answer: PlaygroundMessage = {
            id: `${run.id}-answer`,
            role: "assistant",
            metadata: { runId: run.id, provider: run.provider, model: run.model },
            parts: [...(run.output.reasoning ? [{ type: "reasoning" as const, text: run.output.reasoning }] : []), { type: "text" as const, text: run.output.text }],
          };
          history[next[i]!.id] = [...run.messages, answer];
        });
        setInitialMessages(history);
        setReopened({ shared: comparison.shared, system: comparison.system });
        setColumns(next.length >= MIN_COLUMNS ? next : [...next, ...defaultTargets(catalog).slice(0, MIN_COLUMNS - next.length).map((target) => ({ id: newId(), target, overrides: {} }))]);
      }
      setLoaded(true);
    })();
  }, [groupId, catalog]);

  // The URL carries the targets (and the group once it has runs), so it can be shared.
  const [groupInUrl, setGroupInUrl] = useState(groupId !== null);
  useEffect(() => {
    window.history.replaceState(null, "", compareUrl(columns.map((c) => c.target), groupInUrl ? compareGroupId : null));
  }, [columns, groupInUrl, compareGroupId]);

  const update = (fn: (all: Column[]) => Column[]) => setColumns((all) => fn(all));
  return {
    columns,
    loaded,
    initialMessages,
    /** The shared parameters and system prompt of a reopened comparison. */
    reopened,
    compareGroupId,
    markGroupInUrl: () => setGroupInUrl(true),
    newComparison() {
      setCompareGroupId(crypto.randomUUID());
      setGroupInUrl(false);
      setInitialMessages({});
      update((all) => all.map((c) => ({ ...c, id: newId() })));
    },
    add(target?: Target) {
      update((all) => (all.length >= MAX_COLUMNS ? all : [...all, { id: newId(), target: target ?? all[all.length - 1]!.target, overrides: {} }]));
    },
    remove: (id: string) => update((all) => (all.length <= MIN_COLUMNS ? all : all.filter((c) => c.id !== id))),
    duplicate: (id: string) =>
      update((all) => {
        const at = all.findIndex((c) => c.id === id);
        if (at < 0 || all.length >= MAX_COLUMNS) return all;
        return [...all.slice(0, at + 1), { ...all[at]!, id: newId() }, ...all.slice(at + 1)];
      }),
    move: (id: string, delta: -1 | 1) =>
      update((all) => {
        const at = all.findIndex((c) => c.id === id);
        const to = at + delta;
        if (at < 0 || to < 0 || to >= all.length) return all;
        const next = [...all];
        [next[at], next[to]] = [next[to]!, next[at]!];
        return next;
      }),
    setTarget: (id: string, key: string) => {
      const [provider, ...rest] = key.split("::");
      update((all) => all.map((c) => (c.id === id ? { ...c, target: { provider: provider!, model: rest.join("::") }, overrides: {} } : c)));
    },
    setOverride: (id: string, name: string, value: unknown) =>
      update((all) =>
        all.map((c) => {
          if (c.id !== id) return c;
          const overrides = { ...c.overrides };
          if (value === undefined) delete overrides[name];
          else overrides[name] = value;
          return { ...c, overrides };
        }),
      ),
    /** "This model on every configured provider". */
    presetEveryProvider(modelId: string) {
      const targets = usable(catalog)
        .filter((o) => o.modelId === modelId)
        .slice(0, MAX_COLUMNS)
        .map((o) => ({ provider: o.provider, model: o.providerModelId }));
      if (targets.length === 0) return;
      const padded = targets.length >= MIN_COLUMNS ? targets : [...targets, ...targets].slice(0, MIN_COLUMNS);
      setColumns(padded.map((target) => ({ id: newId(), target, overrides: {} })));
    },
    offeringOf: (column: Column): OfferingView =>
      catalog.offerings.find((o) => offeringKey(o) === `${column.target.provider}::${column.target.model}`) ?? usable(catalog)[0] ?? catalog.offerings[0]!,
  };
}
