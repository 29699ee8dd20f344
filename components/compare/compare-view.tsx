"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { attachmentRefusals, readyFileParts, useAttachments } from "@/components/playground/attachments/use-attachments";
import { UserMenu } from "@/components/auth/user-menu";
import { SidePanel, SidePanelToggle, useSidePanel } from "@/components/layout/side-panel";
import { ShortcutSheet, useShortcuts, useShortcutSheet } from "@/components/layout/shortcuts";
import { SkipLink } from "@/components/layout/skip-link";
import { Composer } from "@/components/playground/composer";
import { ParamPanel } from "@/components/playground/param-panel";
import type { CatalogView } from "@/components/playground/types";
import { distinctLabels } from "@/lib/compare/column-labels";
import { effectiveParams, unionSpecs, unsupportedShared } from "@/lib/compare/shared-params";
import { summarize } from "@/lib/compare/stats";
import type { Target } from "@/lib/compare/targets";
import { paramErrors, withFieldError, type ParamValues } from "@/lib/params/param-validator";
import type { UploadLimits } from "@/lib/uploads/upload-limits";
import { CompareColumn } from "./compare-column";
import { fetchRunRecord, type ColumnHandle, type RunRecordNumbers } from "./compare-types";
import { SummaryTable } from "./summary-table";
import { useCompareColumns } from "./use-compare-columns";
import { Textarea } from "@/components/ui/textarea";
import { NativeSelect } from "@/components/ui/native-select";

// Repeat mode brings the charting library; it loads when the panel is first shown, not with the page.
const RepeatPanel = dynamic(() => import("./repeat-panel").then((m) => m.RepeatPanel), {
  loading: () => <p className="p-3 text-sm text-muted">Loading repeat mode…</p>,
});

type Props = { catalog: CatalogView; uploadLimits: UploadLimits; initialTargets: Target[]; groupId: string | null };

export function CompareView({ catalog, uploadLimits, initialTargets, groupId }: Props) {
  const cols = useCompareColumns(catalog, initialTargets, groupId);
  const [shared, setShared] = useState<ParamValues>({});
  const [jsonErrors, setJsonErrors] = useState<Record<string, string>>({});
  /** Per column: override editors whose text does not parse (or is refused), by parameter. */
  const [overrideJsonErrors, setOverrideJsonErrors] = useState<Record<string, Record<string, string>>>({});
  const [system, setSystem] = useState("");
  const [draftText, setDraftText] = useState("");
  const [sendTo, setSendTo] = useState<string>("all");
  const panel = useSidePanel();
  const [presetModel, setPresetModel] = useState(catalog.models[0]?.id ?? "");
  const [busyIds, setBusyIds] = useState<Set<string>>(new Set());
  const [lastRuns, setLastRuns] = useState<Record<string, string>>({});
  const [records, setRecords] = useState<Record<string, RunRecordNumbers | null>>({});
  const [lastPrompt, setLastPrompt] = useState("");
  const handles = useRef(new Map<string, ColumnHandle>());
  const attachments = useAttachments(uploadLimits);
  const providerName = (id: string) => catalog.providers.find((p) => p.id === id)?.name ?? id;

  const perColumn = cols.columns.map((column) => {
    const offering = cols.offeringOf(column);
    const spec = { specs: offering.params, overrides: column.overrides };
    const overrideErrors = paramErrors(offering.params, column.overrides, overrideJsonErrors[column.id] ?? {});
    return { column, offering, ...effectiveParams(shared, spec), unsupported: unsupportedShared(shared, spec), overrideErrors };
  });
  const specs = unionSpecs(perColumn.map((c) => ({ specs: c.offering.params, overrides: {} })));
  const errors = paramErrors(specs, shared, jsonErrors);
  const targeted = perColumn.filter((c) => sendTo === "all" || c.column.id === sendTo);
  const refusals = attachmentRefusals(
    attachments.items,
    targeted.map((c) => ({ name: providerName(c.offering.provider), offering: c.offering })),
  );

  // Once a column's run is finished, read its stored numbers for the summary.
  useEffect(() => {
    for (const [columnId, runId] of Object.entries(lastRuns)) {
      if (records[runId] !== undefined) continue;
      setRecords((r) => ({ ...r, [runId]: null }));
      void fetchRunRecord(runId).then((record) => setRecords((r) => ({ ...r, [runId]: record })));
      void columnId;
    }
  }, [lastRuns, records]);

  const onRegister = useCallback((id: string, handle: ColumnHandle | null) => {
    if (handle) handles.current.set(id, handle);
    else handles.current.delete(id);
  }, []);
  const onRunFinished = useCallback((id: string, runId: string) => setLastRuns((r) => ({ ...r, [id]: runId })), []);
  const onBusyChange = useCallback(
    (id: string, isBusy: boolean) =>
      setBusyIds((current) => {
        if (current.has(id) === isBusy) return current;
        const next = new Set(current);
        if (isBusy) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const summaryColumns = cols.columns.map((c) => {
    const record = lastRuns[c.id] ? records[lastRuns[c.id]!] : null;
    const simulated = catalog.providers.find((p) => p.id === c.target.provider)?.builtIn === true;
    return record ? { ...record, simulated, inputTokens: record.usage.inputTokens, outputTokens: record.usage.outputTokens, reasoningTokens: record.usage.reasoningTokens } : null;
  });
  const rows = summarize(summaryColumns);
  const labels = distinctLabels(perColumn.map((c) => `${providerName(c.offering.provider)} · ${c.offering.label}`));
  const busy = busyIds.size > 0;
  // A reopened comparison brings its shared parameters and system prompt back.
  useEffect(() => {
    if (!cols.reopened) return;
    setShared(cols.reopened.shared);
    setSystem(cols.reopened.system);
  }, [cols.reopened]);
  const sheet = useShortcutSheet();
  useShortcuts(
    {
      stop: () => handles.current.forEach((h) => h.stop()),
      focusComposer: () => document.getElementById("composer-input")?.focus(),
      newChat: () => !busy && (cols.newComparison(), setLastRuns({})),
      toggleParams: panel.toggle,
      switchPage: () => window.location.assign("/"),
    },
    sheet.open,
  );
  // Shared fields first, then any column this send goes to: nothing is sent with a value silently left out.
  const badColumn = targeted.find((c) => Object.keys(c.overrideErrors).length > 0);
  const blocked = Object.keys(errors).length
    ? `Fix parameter ${Object.keys(errors)[0]}: ${Object.values(errors)[0]}`
    : badColumn
      ? `Fix column ${perColumn.indexOf(badColumn) + 1}'s parameter ${Object.keys(badColumn.overrideErrors)[0]}: ${Object.values(badColumn.overrideErrors)[0]}`
      : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink targetId="composer-input" label="Skip to the message box" />
      <ShortcutSheet dialogRef={sheet.dialogRef} />
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h1 className="text-sm font-semibold">Compare</h1>
        <UserMenu />
        <a href="/" className="text-xs text-muted underline">
          Playground
        </a>
        <Button size="sm" data-testid="add-column" disabled={cols.columns.length >= 6} onClick={() => cols.add()}>
          + Column
        </Button>
        <NativeSelect size="xs" data-testid="preset-model" aria-label="Model for the preset" value={presetModel} onChange={(e) => setPresetModel(e.target.value)}>
          {catalog.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
        <Button size="sm" data-testid="preset-every-provider" onClick={() => cols.presetEveryProvider(presetModel)}>
          This model on every configured provider
        </Button>
        <Button size="sm" variant="danger" data-testid="stop-all" disabled={!busy} onClick={() => handles.current.forEach((h) => h.stop())}>
          Stop all
        </Button>
        <Button size="sm" variant="ghost" data-testid="new-comparison" disabled={busy} onClick={() => (cols.newComparison(), setLastRuns({}))}>
          New comparison
        </Button>
        <SidePanelToggle label="Shared parameters" onOpen={() => panel.setOpen(true)} />
        <span className="ml-auto hidden text-[11px] text-muted md:inline">{cols.columns.length} columns · the URL carries the targets</span>
      </header>
      <div className="flex min-h-0 flex-1">
        <SidePanel open={panel.open} collapsed={panel.collapsed} onClose={() => panel.setOpen(false)} label="Shared parameters" className="space-y-3 md:w-72">
          <label className="block text-xs font-medium text-muted" htmlFor="compare-system">
            System prompt (all columns)
          </label>
          <Textarea id="compare-system" data-testid="system-input" rows={2} value={system} onChange={(e) => setSystem(e.target.value)} />
          <p className="text-[11px] text-muted">Shared parameters apply to every column that has them, clamped to its range. Override one in a column&apos;s params.</p>
          <ParamPanel
            specs={specs}
            values={shared}
            errors={errors}
            changedCount={Object.keys(shared).length}
            generation={cols.reopened ? "reopened" : "shared"}
            onChange={(name, value) => setShared((s) => (value === undefined ? Object.fromEntries(Object.entries(s).filter(([k]) => k !== name)) : { ...s, [name]: value }))}
            onJsonError={(name, message) => setJsonErrors((current) => withFieldError(current, name, message))}
            onResetAll={() => {
              setShared({});
              setJsonErrors({});
            }}
          />
        </SidePanel>
        <main className="flex min-w-0 flex-1 flex-col">
          {cols.loaded && (
            <div data-testid="compare-columns" className="flex min-h-96 flex-1 snap-x snap-mandatory gap-2 overflow-x-auto p-2 md:snap-none">
              {perColumn.map((c, index) => (
                <CompareColumn
                  key={c.column.id}
                  column={c.column}
                  index={index}
                  count={cols.columns.length}
                  catalog={catalog}
                  offering={c.offering}
                  params={c.values}
                  detail={c.detail}
                  unsupported={c.unsupported}
                  system={system}
                  compareGroupId={cols.compareGroupId}
                  initialMessages={cols.initialMessages[c.column.id] ?? []}
                  draft={{ text: draftText, attachmentCount: attachments.items.filter((a) => a.status !== "error").length }}
                  onRegister={onRegister}
                  onRunFinished={onRunFinished}
                  onBusyChange={onBusyChange}
                  onChangeTarget={cols.setTarget}
                  onOverride={cols.setOverride}
                  overrideErrors={c.overrideErrors}
                  onOverrideJsonError={(name, message) => setOverrideJsonErrors((all) => ({ ...all, [c.column.id]: withFieldError(all[c.column.id] ?? {}, name, message) }))}
                  onDuplicate={cols.duplicate}
                  onRemove={cols.remove}
                  onMove={cols.move}
                />
              ))}
            </div>
          )}
          <div className="flex items-center gap-2 px-3 pt-2 text-xs">
            <label htmlFor="send-to" className="text-muted">
              Send to
            </label>
            <NativeSelect size="xs" id="send-to" data-testid="send-to" value={sendTo} onChange={(e) => setSendTo(e.target.value)}>
              <option value="all">all columns</option>
              {perColumn.map((c, i) => (
                <option key={c.column.id} value={c.column.id}>
                  column {i + 1} only ({labels[i]})
                </option>
              ))}
            </NativeSelect>
          </div>
          <Composer
            busy={busy}
            blockedReason={blocked}
            attachments={attachments.items}
            refusals={refusals}
            limits={uploadLimits}
            onAddFiles={attachments.add}
            onRemoveAttachment={attachments.remove}
            onSend={(text) => {
              const files = readyFileParts(attachments.items);
              attachments.clear();
              setLastPrompt(text);
              cols.markGroupInUrl();
              for (const c of targeted) handles.current.get(c.column.id)?.send(text, files);
            }}
            onStop={() => handles.current.forEach((h) => h.stop())}
            onTextChange={setDraftText}
            attachmentNote={[...new Set(targeted.map((c) => c.offering.attachmentNote).filter(Boolean))].join(" ") || undefined}
          />
          <section className="space-y-3 border-t border-zinc-200 p-3 dark:border-zinc-800">
            <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Summary of the last run per column</h2>
            <SummaryTable labels={labels} rows={rows} statuses={summaryColumns.map((c) => c?.status ?? null)} />
            <RepeatPanel
              targets={perColumn.map((c, i) => ({ label: labels[i]!, provider: c.offering.provider, model: c.offering.providerModelId, params: c.values, offering: c.offering, lastRecord: summaryColumns[i] ?? null }))}
              system={system}
              defaultPrompt={lastPrompt}
            />
          </section>
        </main>
      </div>
    </div>
  );
}
