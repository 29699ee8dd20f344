"use client";

import type { ParamSpec } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";
import { ParamControl } from "./param-control";

type Props = {
  specs: ParamSpec[];
  values: ParamValues;
  /** Errors by parameter name: schema violations and JSON syntax errors. */
  errors: Record<string, string>;
  changedCount: number;
  /** Part of each control's key: a new generation (reset all, new offering) remounts the controls. */
  generation: string;
  onChange: (name: string, value: unknown) => void;
  onJsonError: (name: string, message: string | null) => void;
  onResetAll: () => void;
};

export function ParamPanel({ specs, values, errors, changedCount, generation, onChange, onJsonError, onResetAll }: Props) {
  if (specs.length === 0) {
    return <p className="text-xs text-zinc-500">This provider documents no tunable parameters for this model.</p>;
  }
  return (
    <div data-testid="param-panel">
      <div className="flex items-center justify-between">
        <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Parameters</h2>
        <button type="button" data-testid="reset-all" disabled={changedCount === 0} onClick={onResetAll} className="text-[11px] text-zinc-500 underline disabled:no-underline disabled:opacity-40">
          reset all ({changedCount} changed)
        </button>
      </div>
      <p className="mb-1 text-[11px] text-zinc-400">Only changed values are sent.</p>
      {specs.map((spec) => (
        <ParamControl
          key={`${generation}:${spec.name}`}
          spec={spec}
          value={values[spec.name]}
          error={errors[spec.name] ?? null}
          onChange={(v) => onChange(spec.name, v)}
          onJsonError={(m) => onJsonError(spec.name, m)}
        />
      ))}
    </div>
  );
}
