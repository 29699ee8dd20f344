import { z } from "zod";
import type { ParamSpec } from "@/lib/catalog/schema";
import { toolsProblem } from "@/lib/tools/tool-definitions";

export type ParamError = { field: string; message: string };
export type ParamValues = Record<string, unknown>;

const specsByName = new WeakMap<ParamSpec[], Map<string, ParamSpec>>();

// Built once per parameter spec: zod schemas cost far more to build than to run.
const compiled = new WeakMap<ParamSpec, z.ZodType>();
function fieldSchema(spec: ParamSpec): z.ZodType {
  let schema = compiled.get(spec);
  if (!schema) compiled.set(spec, (schema = buildFieldSchema(spec)));
  return schema;
}

function buildFieldSchema(spec: ParamSpec): z.ZodType {
  switch (spec.type) {
    case "number":
    case "integer": {
      let schema = z.number({ error: `must be a number` }).finite();
      if (spec.type === "integer") schema = schema.int({ error: "must be a whole number" });
      if (spec.min !== undefined) schema = schema.min(spec.min, { error: `must be >= ${spec.min}` });
      if (spec.max !== undefined) schema = schema.max(spec.max, { error: `must be <= ${spec.max}` });
      return schema;
    }
    case "boolean":
      return z.boolean({ error: "must be true or false" });
    case "enum":
      return z.enum(spec.values as [string, ...string[]], { error: `must be one of ${spec.values.join(", ")}` });
    case "string_list":
      return z
        .array(z.string().min(1, { error: "must not contain empty strings" }), { error: "must be a list of strings" })
        .max(spec.maxItems, { error: `must have at most ${spec.maxItems} entries` });
    case "object":
      return z.record(z.string(), z.unknown(), { error: "must be a JSON object" });
    case "array": {
      const array = z.array(z.unknown(), { error: "must be a JSON array" });
      // Tools the SDK would silently drop (no name, not a function) are refused instead.
      if (spec.wire !== "tools") return array;
      return array.superRefine((value, ctx) => {
        const problem = toolsProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      });
    }
    case "object_or_string":
      return z.union([z.string().min(1), z.record(z.string(), z.unknown())], { error: "must be a string or a JSON object" });
  }
}

/**
 * Validate user parameters against an offering's schema: unknown names, wrong
 * types and out-of-range values are errors. The same function runs in the
 * browser (as you type) and on the server (before any upstream call).
 */
export function validateParams(specs: ParamSpec[], values: unknown): { ok: true; values: ParamValues } | { ok: false; error: ParamError } {
  if (values === undefined || values === null) return { ok: true, values: {} };
  if (typeof values !== "object" || Array.isArray(values)) {
    return { ok: false, error: { field: "params", message: "params must be an object of parameter values" } };
  }
  let byName = specsByName.get(specs);
  if (!byName) specsByName.set(specs, (byName = new Map(specs.map((s) => [s.name, s]))));
  const out: ParamValues = {};
  for (const [name, value] of Object.entries(values)) {
    const spec = byName.get(name);
    if (!spec) {
      return { ok: false, error: { field: name, message: `Unknown parameter "${name}" for this offering` } };
    }
    if (spec.wire === "managed") {
      return { ok: false, error: { field: name, message: `"${name}" is set by the playground and cannot be changed` } };
    }
    if (value === undefined) continue;
    const result = fieldSchema(spec).safeParse(value);
    if (!result.success) {
      const detail = result.error.issues[0]?.message ?? "is invalid";
      return { ok: false, error: { field: name, message: `"${name}" ${detail} (got ${JSON.stringify(value)})` } };
    }
    out[name] = result.data;
  }
  return { ok: true, values: out };
}

/** Validate one value; used by controls for inline errors. */
export function validateParam(spec: ParamSpec, value: unknown): string | null {
  const result = validateParams([spec], { [spec.name]: value });
  return result.ok ? null : result.error.message;
}

/**
 * Every field's error, as a form shows them: a JSON field whose text does not
 * parse (its syntax error, from the editor) keeps its last good value out of
 * `values`, so that error comes first; then each value against its spec.
 */
export function paramErrors(specs: ParamSpec[], values: ParamValues, syntaxErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = { ...syntaxErrors };
  for (const spec of specs) {
    if (values[spec.name] === undefined || errors[spec.name]) continue;
    const error = validateParam(spec, values[spec.name]);
    if (error) errors[spec.name] = error;
  }
  return errors;
}

/** `errors` with `name`'s error set to `message`, or removed when it is null. */
export function withFieldError(errors: Record<string, string>, name: string, message: string | null): Record<string, string> {
  const { [name]: _previous, ...rest } = errors;
  return message ? { ...rest, [name]: message } : rest;
}
