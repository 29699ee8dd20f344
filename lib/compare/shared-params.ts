import type { ParamSpec } from "@/lib/catalog/schema";
import { validateParam, type ParamValues } from "@/lib/params/param-validator";

// Parameters in a comparison are shared by default: a value set once applies
// to every column whose schema has that parameter, clamped to that column's
// range. A column may override a value; a parameter a column's provider does
// not accept is reported, never sent.

export type ColumnParams = { specs: ParamSpec[]; overrides: ParamValues };

/** A shared value made to fit one column's spec: clamped into range, rounded for integers; undefined if it cannot fit. */
export function fitValue(spec: ParamSpec, value: unknown): unknown {
  if (value === undefined) return undefined;
  if ((spec.type === "number" || spec.type === "integer") && typeof value === "number") {
    let v = value;
    if (spec.min !== undefined) v = Math.max(spec.min, v);
    if (spec.max !== undefined) v = Math.min(spec.max, v);
    if (spec.type === "integer") v = Math.round(v);
    return v;
  }
  if (spec.type === "string_list" && Array.isArray(value)) return value.slice(0, spec.maxItems);
  return validateParam(spec, value) === null ? value : undefined;
}

export type EffectiveParam = { value: unknown; source: "override" | "shared" | "clamped" };

/** The values one column sends: its overrides, else the shared value fitted to its schema. */
export function effectiveParams(shared: ParamValues, column: ColumnParams): { values: ParamValues; detail: Record<string, EffectiveParam> } {
  const values: ParamValues = {};
  const detail: Record<string, EffectiveParam> = {};
  for (const spec of column.specs) {
    if (spec.wire === "managed") continue;
    if (column.overrides[spec.name] !== undefined) {
      values[spec.name] = column.overrides[spec.name];
      detail[spec.name] = { value: values[spec.name], source: "override" };
      continue;
    }
    const raw = shared[spec.name];
    const fitted = fitValue(spec, raw);
    if (fitted === undefined) continue;
    values[spec.name] = fitted;
    detail[spec.name] = { value: fitted, source: JSON.stringify(fitted) === JSON.stringify(raw) ? "shared" : "clamped" };
  }
  return { values, detail };
}

/** Shared parameter names a column does not accept (shown as such in that column). */
export function unsupportedShared(shared: ParamValues, column: ColumnParams): string[] {
  const names = new Set(column.specs.map((s) => s.name));
  return Object.keys(shared).filter((name) => shared[name] !== undefined && !names.has(name));
}

/**
 * One control per parameter name across all columns. A number's range is the
 * envelope of the columns' ranges: any value one column accepts can be set,
 * and each column clamps it to its own range.
 */
export function unionSpecs(columns: ColumnParams[]): ParamSpec[] {
  const seen = new Map<string, ParamSpec>();
  for (const column of columns) {
    for (const spec of column.specs) {
      const prev = seen.get(spec.name);
      if (!prev) {
        seen.set(spec.name, spec);
        continue;
      }
      if ((prev.type === "number" || prev.type === "integer") && (spec.type === "number" || spec.type === "integer")) {
        seen.set(spec.name, {
          ...prev,
          type: prev.type === "integer" && spec.type === "integer" ? "integer" : "number",
          min: prev.min === undefined || spec.min === undefined ? undefined : Math.min(prev.min, spec.min),
          max: prev.max === undefined || spec.max === undefined ? undefined : Math.max(prev.max, spec.max),
        });
      }
    }
  }
  return [...seen.values()];
}
