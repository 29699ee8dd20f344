import type { ParamSpec } from "../schema";
import { paramSpecSchema } from "../schema";
import { perMillion, positiveInt, type OfferingUpdate } from "./offering-update";

// GET https://api.empiriolabs.ai/v1/models/{id}: the machine-readable schema the
// model page points to, with supported_parameters (name, type, default,
// min/max, description), limits and pricing_rows. Key spellings are read
// leniently (min|minimum, allowed|enum) because only the page, not the JSON,
// was available to us.

type RawParam = Record<string, unknown>;

function toSpec(raw: RawParam, current: ParamSpec | undefined): ParamSpec | null {
  const name = raw.name;
  if (typeof name !== "string") return null;
  const type = String(raw.type ?? "");
  const values = (raw.allowed ?? raw.enum ?? raw.values) as unknown;
  const base = { name, description: typeof raw.description === "string" && raw.description ? raw.description : (current?.description ?? name), wire: current?.wire ?? "body" };
  let spec: unknown;
  if (type === "number" || type === "integer") {
    spec = { ...base, type, default: typeof raw.default === "number" ? raw.default : undefined, min: (raw.min ?? raw.minimum) as number | undefined, max: (raw.max ?? raw.maximum) as number | undefined };
  } else if (type === "boolean") {
    spec = { ...base, type, default: typeof raw.default === "boolean" ? raw.default : undefined };
  } else if (type === "enum" || Array.isArray(values)) {
    spec = { ...base, type: "enum", values, default: typeof raw.default === "string" ? raw.default : undefined };
  } else if (current) {
    // Objects, arrays, string lists: keep our richer spec (editor kind, examples).
    return current;
  } else {
    return null;
  }
  const parsed = paramSpecSchema.safeParse(spec);
  return parsed.success ? parsed.data : (current ?? null);
}

type PricingRow = { charge?: unknown; name?: unknown; rate?: unknown; price?: unknown; usd_per_token?: unknown; usd_per_million?: unknown };

function rowPrice(rows: PricingRow[], match: RegExp): number | undefined {
  const row = rows.find((r) => match.test(String(r.charge ?? r.name ?? "")));
  if (!row) return undefined;
  if (row.usd_per_million !== undefined) return Number(row.usd_per_million);
  return perMillion(row.usd_per_token ?? row.rate ?? row.price);
}

/** Function tools are promised by the model's features (function_calling), not by its parameter table. */
const FUNCTION_TOOL_PARAMS = new Set(["tools", "tool_choice"]);

export function parseEmpirioLabsModel(json: unknown, current: ParamSpec[]): OfferingUpdate | null {
  const model = json as { supported_parameters?: RawParam[]; features?: unknown; context_length?: unknown; context_window?: unknown; max_output_tokens?: unknown; max_output_length?: unknown; pricing_rows?: PricingRow[] } | null;
  if (!model || typeof model !== "object") return null;
  const byName = new Map(current.map((p) => [p.name, p]));
  const tabled = Array.isArray(model.supported_parameters)
    ? model.supported_parameters.map((raw) => toSpec(raw, byName.get(String(raw.name)))).filter((p): p is ParamSpec => p !== null)
    : undefined;
  // The tools the features promise stay, unless the refreshed features stop listing function_calling.
  const functionCalling = !Array.isArray(model.features) || model.features.includes("function_calling");
  const implied = functionCalling ? current.filter((p) => FUNCTION_TOOL_PARAMS.has(p.name) && !tabled?.some((t) => t.name === p.name)) : [];
  const params = tabled ? [...tabled, ...implied] : undefined;
  const rows = Array.isArray(model.pricing_rows) ? model.pricing_rows : [];
  const input = rowPrice(rows, /^input$/i);
  const output = rowPrice(rows, /^output$/i);
  const cached = rowPrice(rows, /cache/i);
  return {
    params: params?.length ? params : undefined,
    limits: { contextTokens: positiveInt(model.context_length ?? model.context_window), maxOutputTokens: positiveInt(model.max_output_tokens ?? model.max_output_length) },
    pricing:
      input !== undefined && output !== undefined
        ? { tiers: [{ upToInputTokens: null, inputPerMTok: input, outputPerMTok: output }], ...(cached !== undefined ? { cachedInputPerMTok: cached } : {}) }
        : undefined,
  };
}
