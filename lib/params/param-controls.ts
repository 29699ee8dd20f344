import type { ParamSpec } from "@/lib/catalog/schema";

export type ParamControl =
  | { kind: "slider"; min: number; max: number; step: number; integer: boolean }
  | { kind: "number"; min?: number; max?: number; integer: boolean }
  | { kind: "switch" }
  | { kind: "select"; options: string[] }
  | { kind: "tags"; maxItems: number }
  | { kind: "json"; expect: "object" | "array" | "object_or_string"; example?: string }
  | { kind: "tools"; example?: string }
  | { kind: "response_format"; example?: string }
  | { kind: "readonly" };

/** Largest range a slider still makes sense for; wider ranges get a plain number input. */
const SLIDER_MAX_SPAN = 1_000_000;

function sliderStep(spec: ParamSpec & { type: "number" | "integer" }, span: number): number {
  if (spec.step) return spec.step;
  if (spec.type === "integer") return 1;
  if (span <= 2) return 0.01;
  if (span <= 20) return 0.1;
  return 1;
}

/** Which control a parameter gets, decided by its schema alone. */
export function controlFor(spec: ParamSpec): ParamControl {
  if (spec.wire === "managed") return { kind: "readonly" };
  if (spec.wire === "tools") return { kind: "tools", example: "example" in spec ? spec.example : undefined };
  // OpenAI's structured-output parameter, under the name every provider page gives it.
  if (spec.name === "response_format" && spec.type === "object") return { kind: "response_format", example: spec.example };
  switch (spec.type) {
    case "number":
    case "integer": {
      const integer = spec.type === "integer" || spec.step === 1;
      if (spec.min !== undefined && spec.max !== undefined && spec.max - spec.min <= SLIDER_MAX_SPAN) {
        return { kind: "slider", min: spec.min, max: spec.max, step: sliderStep(spec, spec.max - spec.min), integer };
      }
      return { kind: "number", min: spec.min, max: spec.max, integer };
    }
    case "boolean":
      return { kind: "switch" };
    case "enum":
      return { kind: "select", options: spec.values };
    case "string_list":
      return { kind: "tags", maxItems: spec.maxItems };
    case "object":
    case "array":
    case "object_or_string":
      return { kind: "json", expect: spec.type, example: spec.example };
  }
}
