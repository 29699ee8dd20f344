import type { ParamSpec } from "@/lib/catalog/schema";
import type { ParamValues } from "./param-validator";

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a value differs from the parameter's default (no default: any value is a change). */
export function isChanged(spec: ParamSpec, value: unknown): boolean {
  if (value === undefined) return false;
  if (spec.default === undefined) return true;
  return !sameValue(spec.default, value);
}

/** Only the values the user changed: what gets sent. */
export function changedParams(specs: ParamSpec[], values: ParamValues): ParamValues {
  const out: ParamValues = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.wire !== "managed" && isChanged(spec, value)) out[spec.name] = value;
  }
  return out;
}

/**
 * Values for a new offering: those its schema accepts become its values; the
 * rest are parked, not dropped, so switching back restores them. `values` and
 * `parked` of the previous offering are merged first (current values win).
 */
export function splitForOffering(
  specs: ParamSpec[],
  current: { values: ParamValues; parked: ParamValues },
  isValid: (spec: ParamSpec, v: unknown) => boolean,
): { values: ParamValues; parked: ParamValues } {
  const merged: ParamValues = { ...current.parked, ...current.values };
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values: ParamValues = {};
  const parked: ParamValues = {};
  for (const [name, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    const spec = byName.get(name);
    if (spec && isValid(spec, value)) values[name] = value;
    else parked[name] = value;
  }
  return { values, parked };
}
