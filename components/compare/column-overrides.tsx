"use client";

import { ParamControl } from "@/components/playground/param-control";
import type { ParamSpec } from "@/lib/catalog/schema";
import type { EffectiveParam } from "@/lib/compare/shared-params";
import type { ParamValues } from "@/lib/params/param-validator";

type Props = {
  specs: ParamSpec[];
  detail: Record<string, EffectiveParam>;
  unsupported: string[];
  overrides: ParamValues;
  /** Each override's problem (a JSON field that does not parse included): any of them blocks sending. */
  errors: Record<string, string>;
  onOverride: (name: string, value: unknown) => void;
  onJsonError: (name: string, message: string | null) => void;
};

const BADGE: Record<EffectiveParam["source"], string> = {
  override: "bg-violet-100 text-violet-800 dark:bg-violet-900/40 dark:text-violet-300",
  clamped: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
  shared: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** What this column will send, where each value comes from, and per-column overrides. */
export function ColumnOverrides({ specs, detail, unsupported, overrides, errors, onOverride, onJsonError }: Props) {
  const overridden = Object.values(detail).filter((d) => d.source === "override").length;
  const invalid = Object.keys(errors).length;
  return (
    <details data-testid="column-params" open={invalid > 0 || undefined} className="min-w-0 flex-1 text-[11px]">
      <summary className="cursor-pointer select-none text-muted">
        params: {Object.keys(detail).length} sent{overridden ? `, ${overridden} overridden` : ""}
        {unsupported.length ? `, ${unsupported.length} not accepted` : ""}
        {invalid ? <span className="font-medium text-red-600">, {invalid} to fix</span> : null}
      </summary>
      <ul className="my-1 space-y-0.5">
        {Object.entries(detail).map(([name, d]) => (
          <li key={name} data-testid={`column-param-${name}`} data-source={d.source} className="font-mono">
            {name}={JSON.stringify(d.value)} <span className={`rounded px-1 ${BADGE[d.source]}`}>{d.source === "override" ? "overridden" : d.source}</span>
          </li>
        ))}
        {unsupported.map((name) => (
          <li key={name} data-testid={`column-unsupported-${name}`} className="font-mono text-muted line-through" title="This provider's schema has no such parameter: it is not sent">
            {name} (not accepted by this provider)
          </li>
        ))}
      </ul>
      <div className="max-h-72 overflow-y-auto rounded border border-zinc-200 px-2 dark:border-zinc-800">
        {specs
          .filter((s) => s.wire !== "managed")
          .map((spec) => (
            <ParamControl
              key={spec.name}
              spec={spec}
              value={overrides[spec.name]}
              error={errors[spec.name] ?? null}
              onChange={(v) => onOverride(spec.name, v)}
              onJsonError={(message) => onJsonError(spec.name, message)}
            />
          ))}
      </div>
    </details>
  );
}
