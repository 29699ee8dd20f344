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

/** Keep values still valid for a new offering's schema; drop the rest. */
export function carryOverParams(specs: ParamSpec[], values: ParamValues, isValid: (spec: ParamSpec, v: unknown) => boolean): ParamValues {
  const out: ParamValues = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (value !== undefined && isValid(spec, value)) out[spec.name] = value;
  }
  return out;
}
