"use client";

import { useState } from "react";
import type { ParamSpec } from "@/lib/catalog/schema";
import { controlFor } from "@/lib/params/param-controls";
import { isChanged } from "@/lib/params/param-values";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { ResponseFormatEditor } from "@/components/structured/response-format-editor";
import { JsonEditor } from "./json-editor";
import { ToolsEditor } from "./tools-editor";
import { NumberField } from "./number-field";
import { TagInput } from "./tag-input";
import { NativeSelect } from "@/components/ui/native-select";

type Props = {
  spec: ParamSpec;
  value: unknown;
  error: string | null;
  onChange: (value: unknown) => void;
  onJsonError: (message: string | null) => void;
};

function describeDefault(spec: ParamSpec): string {
  if (spec.default === undefined) return "no default (not sent unless set)";
  return `default ${JSON.stringify(spec.default)}`;
}

export function ParamControl({ spec, value, error, onChange, onJsonError }: Props) {
  const control = controlFor(spec);
  const id = `param-${spec.name}`;
  // A draft that does not parse yet (invalid JSON) counts as a change: it can be reset.
  const changed = isChanged(spec, value) || ((control.kind === "json" || control.kind === "tools" || control.kind === "response_format") && Boolean(error));
  // Bumped on reset so editors holding an unparsed draft start over.
  const [resetKey, setResetKey] = useState(0);
  const effective = value ?? spec.default;

  return (
    <div data-testid={`param-${spec.name}`} data-changed={changed} className="space-y-1 border-b border-zinc-200 py-2.5 last:border-0 dark:border-zinc-800">
      {/* Long names (sim_tokens_per_second) with "changed · reset" and the input wrap rather than overflow the sidebar. */}
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
        <label htmlFor={id} className="font-mono text-xs font-semibold">
          {spec.name}
        </label>
        <div className="ml-auto flex items-center gap-1.5">
          {changed && (
            <>
              <span className="rounded bg-amber-100 px-1 text-[10px] font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-300">changed</span>
              <button
                type="button"
                data-testid={`param-reset-${spec.name}`}
                className="text-[10px] text-muted underline hover:text-zinc-900 dark:hover:text-zinc-100"
                onClick={() => {
                  onJsonError(null);
                  onChange(undefined);
                  setResetKey((k) => k + 1);
                }}
              >
                reset
              </button>
            </>
          )}
          {control.kind === "switch" && (
            <Switch id={id} data-testid={`param-input-${spec.name}`} checked={effective === true} onCheckedChange={(checked) => onChange(checked)} />
          )}
          {control.kind === "select" && (
            <NativeSelect
              size="xs"
              id={id}
              data-testid={`param-input-${spec.name}`}
              value={typeof effective === "string" ? effective : ""}
              onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
              className="font-mono"
            >
              {spec.default === undefined && <option value="">(not set)</option>}
              {control.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </NativeSelect>
          )}
          {(control.kind === "slider" || control.kind === "number") && (
            <NumberField key={resetKey} id={id} value={value} placeholder={spec.default === undefined ? "not set" : String(spec.default)} invalid={Boolean(error)} onChange={onChange} />
          )}
          {control.kind === "readonly" && <span className="text-[10px] text-muted">managed by the playground</span>}
        </div>
      </div>
      {control.kind === "slider" && (
        <Slider
          aria-label={spec.name}
          min={control.min}
          max={control.max}
          step={control.step}
          value={[typeof effective === "number" ? Math.min(control.max, Math.max(control.min, effective)) : control.min]}
          onValueChange={([v]) => onChange(v)}
        />
      )}
      {control.kind === "tags" && <TagInput key={resetKey} id={id} value={Array.isArray(value) ? (value as string[]) : []} maxItems={control.maxItems} onChange={onChange} />}
      {control.kind === "tools" && <ToolsEditor key={resetKey} id={id} value={value} example={control.example} onChange={onChange} onError={onJsonError} />}
      {control.kind === "response_format" && <ResponseFormatEditor key={resetKey} id={id} value={value} example={control.example} onChange={onChange} onError={onJsonError} />}
      {control.kind === "json" && <JsonEditor key={resetKey} id={id} value={value} expect={control.expect} example={control.example} onChange={onChange} onSyntaxError={onJsonError} />}
      <p className="text-[11px] leading-4 text-muted">
        {spec.description} <span className="text-muted">· {describeDefault(spec)}</span>
        {control.kind === "slider" && <span className="text-muted"> · range {control.min}–{control.max}</span>}
      </p>
      {error && (
        <p role="alert" data-testid={`param-error-${spec.name}`} className="text-[11px] font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
