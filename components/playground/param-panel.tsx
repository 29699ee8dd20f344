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
  /** Values set for another offering that this one does not accept: kept, not sent. */
  parked?: ParamValues;
  onDiscardParked?: (name: string) => void;
};

function ParkedParams({ parked, onDiscard }: { parked: ParamValues; onDiscard?: (name: string) => void }) {
  const names = Object.keys(parked);
  if (names.length === 0) return null;
  return (
    <div data-testid="parked-params" className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-[11px] text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      <p className="font-medium">Not accepted here (kept, not sent; restored when you switch back):</p>
      <ul>
        {names.map((name) => (
          <li key={name} data-testid={`parked-param-${name}`} className="flex items-center justify-between gap-2">
            <code className="truncate">
              {name} = {JSON.stringify(parked[name])}
            </code>
            {onDiscard && (
              <button type="button" className="underline" aria-label={`Discard ${name}`} onClick={() => onDiscard(name)}>
                discard
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ParamPanel({ specs, values, errors, changedCount, generation, onChange, onJsonError, onResetAll, parked = {}, onDiscardParked }: Props) {
  if (specs.length === 0) {
    return (
      <>
        <ParkedParams parked={parked} onDiscard={onDiscardParked} />
        <p className="text-xs text-muted">This provider documents no tunable parameters for this model.</p>
      </>
    );
  }
  return (
    <div data-testid="param-panel">
      <div className="flex items-center justify-between">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Parameters</h2>
        <button type="button" data-testid="reset-all" disabled={changedCount === 0} onClick={onResetAll} className="text-[11px] text-muted underline disabled:no-underline disabled:opacity-40">
          reset all ({changedCount} changed)
        </button>
      </div>
      <p className="mb-1 text-[11px] text-muted">Only changed values are sent.</p>
      <ParkedParams parked={parked} onDiscard={onDiscardParked} />
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
