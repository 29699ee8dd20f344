"use client";

import { CodeTextarea } from "@/components/ui/code-textarea";
import { useState } from "react";
import { EMPTY_ROW, rowsFromTools, TOOL_PRESETS, toolsFromRows, type ToolRow } from "@/lib/tools/tool-definitions";
import { JsonEditor } from "./json-editor";
import { Input } from "@/components/ui/input";

// The `tools` parameter as a form (one card per function: name, description,
// JSON-schema parameters) or as the raw JSON array; both edit the same value,
// and a tool a provider would refuse blocks sending with its reason.

type Props = { id: string; value: unknown; example?: string; onChange: (value: unknown) => void; onError: (message: string | null) => void };


export function ToolsEditor({ id, value, example, onChange, onError }: Props) {
  const [mode, setMode] = useState<"form" | "json">("form");
  const [rows, setRows] = useState<ToolRow[]>(() => rowsFromTools(value));
  const check = toolsFromRows(rows);

  const update = (next: ToolRow[]) => {
    setRows(next);
    const result = toolsFromRows(next);
    onError(result.firstError);
    if (!result.firstError) onChange(next.length ? result.tools : undefined);
  };

  return (
    <div data-testid="tools-editor" className="space-y-2">
      <fieldset aria-label="Edit tools as" className="flex gap-1 text-[11px]">
        {(["form", "json"] as const).map((m) => (
          <button
            key={m}
            type="button"
            data-testid={`tools-mode-${m}`}
            aria-pressed={mode === m}
            className={`rounded border px-1.5 py-0.5 ${mode === m ? "border-zinc-900 font-semibold dark:border-zinc-100" : "border-zinc-300 dark:border-zinc-700"}`}
            onClick={() => {
              if (m === "form") setRows(rowsFromTools(value));
              setMode(m);
            }}
          >
            {m === "form" ? "Form" : "JSON"}
          </button>
        ))}
      </fieldset>
      {mode === "json" ? (
        <JsonEditor id={id} value={value} expect="array" example={example} onChange={onChange} onSyntaxError={onError} />
      ) : (
        <>
          {rows.map((row, i) => {
            const rowId = `${id}-${i}`;
            const set = (patch: Partial<ToolRow>) => update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
            return (
              <fieldset key={i} data-testid="tool-row" className="space-y-1 rounded border border-zinc-200 p-1.5 dark:border-zinc-800">
                <legend className="px-1 text-[11px] font-medium">Tool {i + 1}</legend>
                <label htmlFor={`${rowId}-name`} className="block text-[11px]">
                  Name
                </label>
                <Input size="xs" id={`${rowId}-name`} data-testid="tool-name" value={row.name} placeholder="get_weather" onChange={(e) => set({ name: e.target.value })} className="w-full font-mono" />
                <label htmlFor={`${rowId}-description`} className="block text-[11px]">
                  Description
                </label>
                <Input size="xs" id={`${rowId}-description`} data-testid="tool-description" value={row.description} placeholder="What the function does, for the model" onChange={(e) => set({ description: e.target.value })} className="w-full font-mono" />
                <label htmlFor={`${rowId}-parameters`} className="block text-[11px]">
                  Parameters (JSON schema)
                </label>
                <CodeTextarea
                  id={`${rowId}-parameters`}
                  data-testid="tool-parameters"
                  value={row.parameters}
                  minRows={3}
                  maxRows={10}
                  aria-invalid={Boolean(check.errors[i])}
                  onChange={(e) => set({ parameters: e.target.value })}
                />
                {check.errors[i] && (
                  <p data-testid="tool-row-error" className="text-[11px] font-medium text-red-600">
                    {check.errors[i]}
                  </p>
                )}
                <button type="button" data-testid="tool-remove" className="text-[11px] underline" onClick={() => update(rows.filter((_, j) => j !== i))}>
                  Remove tool
                </button>
              </fieldset>
            );
          })}
          <div className="flex flex-wrap items-center gap-2 text-[11px]">
            <button type="button" data-testid="tool-add" className="rounded border border-zinc-300 px-1.5 py-0.5 dark:border-zinc-700" onClick={() => update([...rows, { ...EMPTY_ROW }])}>
              + Add tool
            </button>
            {TOOL_PRESETS.map((preset) => (
              <button
                key={preset.label}
                type="button"
                data-testid={`tool-preset-${preset.label}`}
                disabled={rows.some((r) => r.name === preset.row.name)}
                className="underline disabled:opacity-40"
                onClick={() => update([...rows, { ...preset.row }])}
              >
                + {preset.label}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
