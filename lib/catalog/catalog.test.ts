import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findOffering, loadCatalog } from "./index";
import { providerCatalogSchema, type Offering, type ParamSpec } from "./schema";
import { parseEmpirioTables, parseOpenRouterTable, type SeedParam } from "@/test/seed/seed-table";

const page = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../test/seed/pages", name), "utf8");
const catalog = loadCatalog(["llama3.1:8b", "qwen3.5-4b-instruct"]);
const offering = (provider: Parameters<typeof findOffering>[1], id: string): Offering => {
  const found = findOffering(catalog, provider, id);
  if (!found) throw new Error(`missing offering ${provider}/${id}`);
  return found;
};

const TYPE_MAP: Record<string, ParamSpec["type"][]> = {
  number: ["number", "integer"],
  integer: ["integer"],
  float: ["number"],
  boolean: ["boolean"],
  enum: ["enum"],
  string: ["string_list"], // "stop": "Up to 4 strings"
  object: ["object", "object_or_string"],
  map: ["object"],
  array: ["array"],
  "string or object": ["object_or_string"],
};

/**
 * Every row of a page's table is in the offering, with the same type, default, range and description.
 * `implied`: parameters the page does not table but its feature list promises (function_calling: tools, tool_choice).
 */
function expectTableArrivedWhole(rows: SeedParam[], params: ParamSpec[], implied: string[] = []) {
  expect(params.map((p) => p.name).filter((name) => !implied.includes(name))).toEqual(rows.map((r) => r.name));
  for (const name of implied) expect(params.some((p) => p.name === name), `${name} (implied by the page's features)`).toBe(true);
  for (const row of rows) {
    const spec = params.find((p) => p.name === row.name)!;
    expect(TYPE_MAP[row.type], `${row.name} type`).toContain(spec.type);
    expect(spec.default, `${row.name} default`).toEqual(row.default);
    if (row.min !== undefined) {
      expect(spec, `${row.name} range`).toMatchObject({ min: row.min, max: row.max });
    }
    if (row.allowed) expect(spec).toMatchObject({ values: row.allowed });
    if (row.description) expect(spec.description).toBe(row.description);
    if (row.type === "string") expect(spec).toMatchObject({ type: "string_list", maxItems: 4 });
  }
}

describe("catalog data", () => {
  it("validates at load and lists every provider id from DESIGN.md", () => {
    expect(catalog.providers.map((p) => p.id)).toEqual(["simulator", "empiriolabs", "openrouter", "ai-gateway", "segmind", "dashscope", "openai-compatible"]);
    // A self-hosted model that is not a Qwen3.5 id is a model of its own, so it can be picked.
    expect(catalog.models.map((m) => m.id)).toEqual(["qwen3.5-flash", "qwen3.5-4b", "llama3.1:8b"]);
  });

  it("refuses malformed data: a default outside its range", () => {
    const bad = {
      ...catalog.providers[1]!,
      offerings: [{ ...catalog.providers[1]!.offerings[0]!, params: [{ name: "temperature", type: "number", min: 0, max: 2, default: 3, description: "x" }] }],
    };
    expect(providerCatalogSchema.safeParse(bad).success).toBe(false);
  });

  it("has every offering the issue names", () => {
    for (const [provider, id] of [
      ["empiriolabs", "qwen3-5-flash"],
      ["empiriolabs", "qwen3-5-flash:variant1"],
      ["empiriolabs", "qwen3-5-4b"],
      ["openrouter", "qwen/qwen3.5-flash-02-23"],
      ["ai-gateway", "alibaba/qwen3.5-flash"],
      ["segmind", "qwen3.5-flash"],
      ["dashscope", "qwen3.5-flash"],
      ["simulator", "qwen3.5-flash"],
      ["simulator", "qwen3.5-4b"],
    ] as const) {
      expect(findOffering(catalog, provider, id), `${provider}/${id}`).toBeDefined();
    }
  });

  it("every offering has a source with a date, and prices (when known) have one too", () => {
    for (const provider of catalog.providers) {
      for (const o of provider.offerings) {
        expect(o.source.url).toMatch(provider.id === "simulator" ? /^README\.md#/ : /^https:\/\//);
        expect(o.source.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (o.pricing) expect(o.pricing.source.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("makes OpenAI-compatible offerings from OPENAI_COMPATIBLE_MODELS", () => {
    const local = catalog.providers.find((p) => p.id === "openai-compatible")!;
    expect(local.offerings.map((o) => o.providerModelId)).toEqual(["llama3.1:8b", "qwen3.5-4b-instruct"]);
    expect(local.offerings[1]!.modelId).toBe("qwen3.5-4b");
    expect(local.offerings.every((o) => o.pricing === null)).toBe(true);
  });
});

describe("seed pages arrived whole", () => {
  const flashTables = parseEmpirioTables(page("empiriolabs-qwen3-5-flash.txt"));
  const fourBTables = parseEmpirioTables(page("empiriolabs-qwen3-5-4b.txt"));

  it("parses the tables it reads (guards the parser itself)", () => {
    expect(flashTables.map((t) => t.length)).toEqual([14, 12]);
    expect(fourBTables.map((t) => t.length)).toEqual([20]);
    expect(parseOpenRouterTable(page("openrouter-qwen3.5-flash.txt"))).toHaveLength(9);
  });

  it("EmpirioLabs qwen3-5-flash: all 14 parameters", () => {
    expectTableArrivedWhole(flashTables[0]!, offering("empiriolabs", "qwen3-5-flash").params, ["tools", "tool_choice"]);
  });

  it("EmpirioLabs qwen3-5-flash:variant1: all 12 parameters", () => {
    expectTableArrivedWhole(flashTables[1]!, offering("empiriolabs", "qwen3-5-flash:variant1").params, ["tools", "tool_choice"]);
  });

  it("EmpirioLabs qwen3-5-4b: all 20 parameters", () => {
    const params = offering("empiriolabs", "qwen3-5-4b").params;
    expectTableArrivedWhole(fourBTables[0]!, params);
    expect(params.find((p) => p.name === "stream")?.wire).toBe("managed");
    expect(params.find((p) => p.name === "tools")?.wire).toBe("tools");
  });

  it("OpenRouter: all 9 parameters with the page's defaults", () => {
    const rows = parseOpenRouterTable(page("openrouter-qwen3.5-flash.txt"));
    const params = offering("openrouter", "qwen/qwen3.5-flash-02-23").params;
    expect(params.map((p) => p.name)).toEqual(rows.map((r) => r.name));
    for (const row of rows) {
      const spec = params.find((p) => p.name === row.name)!;
      expect(TYPE_MAP[row.type]).toContain(spec.type);
      expect(spec.default).toEqual(row.default);
      expect(spec.description).toBe(row.description);
    }
  });

  it("limits match the pages", () => {
    expect(offering("empiriolabs", "qwen3-5-flash").limits).toEqual({ contextTokens: 1_000_000, maxOutputTokens: 32_768 });
    expect(offering("empiriolabs", "qwen3-5-flash:variant1").limits).toEqual({ contextTokens: 1_000_000, maxOutputTokens: 65_536 });
    expect(offering("empiriolabs", "qwen3-5-4b").limits).toEqual({ contextTokens: 256_000, maxOutputTokens: 32_768 });
    expect(offering("ai-gateway", "alibaba/qwen3.5-flash").limits).toEqual({ contextTokens: 1_000_000, maxOutputTokens: 64_000 });
    expect(offering("segmind", "qwen3.5-flash").limits).toEqual({ contextTokens: 1_000_000, maxOutputTokens: 65_536, maxReasoningTokens: 81_920 });
    // The page documents no body parameters; the one control is the playground's own frame sampling.
    expect(offering("segmind", "qwen3.5-flash").params.map((p) => [p.name, p.wire])).toEqual([["video_fps", "attachments"]]);
  });

  it("prices match the pages, including tiers, cache and per-call tools", () => {
    expect(page("empiriolabs-qwen3-5-flash.txt")).toContain("Inputper 1M prompt tokens$0.090");
    expect(offering("empiriolabs", "qwen3-5-flash").pricing).toMatchObject({
      tiers: [{ upToInputTokens: null, inputPerMTok: 0.09, outputPerMTok: 0.368 }],
      toolCallPrices: { web_search: 0.015, image_search: 0.012 },
    });
    expect(page("empiriolabs-qwen3-5-flash.txt")).toContain("<=128K $0.029 (was $0.090); 128K-256K $0.115; 256K-1M $0.172");
    expect(offering("empiriolabs", "qwen3-5-flash:variant1").pricing?.tiers).toEqual([
      { upToInputTokens: 128_000, inputPerMTok: 0.029, outputPerMTok: 0.287 },
      { upToInputTokens: 256_000, inputPerMTok: 0.115, outputPerMTok: 1.147 },
      { upToInputTokens: 1_000_000, inputPerMTok: 0.172, outputPerMTok: 1.72 },
    ]);
    expect(offering("empiriolabs", "qwen3-5-flash:variant1").pricing?.toolCallPrices).toEqual({ web_search: 0.01 });
    expect(offering("empiriolabs", "qwen3-5-4b").pricing).toMatchObject({ tiers: [{ inputPerMTok: 0.04, outputPerMTok: 0.07 }], cachedInputPerMTok: 0.02 });
    expect(page("openrouter-qwen3.5-flash.txt")).toContain("$0.065per 1M");
    expect(offering("openrouter", "qwen/qwen3.5-flash-02-23").pricing?.tiers).toEqual([{ upToInputTokens: null, inputPerMTok: 0.065, outputPerMTok: 0.26 }]);
    expect(page("ai-gateway-qwen3.5-flash.txt")).toContain("$0.10/M$0.40/M");
    expect(offering("ai-gateway", "alibaba/qwen3.5-flash").pricing).toMatchObject({ tiers: [{ inputPerMTok: 0.1, outputPerMTok: 0.4 }], cacheWritePerMTok: 0.13 });
    // Unknown is null, never 0.
    expect(offering("segmind", "qwen3.5-flash").pricing).toBeNull();
    expect(offering("dashscope", "qwen3.5-flash").pricing).toBeNull();
  });
});
